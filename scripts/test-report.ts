/**
 * Reads the Vitest and Playwright JSON reports into the counts of the closing
 * line of `npm test`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type Counts = {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed outside any test (an import, a hook), each with its first error line. */
  brokenFiles?: string[];
};

type VitestFileResult = {
  name: string;
  status: string;
  message?: string;
  assertionResults?: { status: string }[];
};

export function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: VitestFileResult[];
  };
  // A file whose import or beforeAll hook failed has no failed test: Vitest skips its tests or
  // never collects them. Count each such file as one failure and name it, or the run fails
  // with "0 failed" and nothing to say why.
  const broken = (report.testResults ?? []).filter(
    (result) => result.status === "failed" && !(result.assertionResults ?? []).some((test) => test.status === "failed"),
  );
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + broken.length,
    skipped: report.numPendingTests + report.numTodoTests,
    brokenFiles: broken.map((result) => describeBroken(result)),
  };
}

function describeBroken(result: VitestFileResult): string {
  const name = path.relative(process.cwd(), result.name) || result.name;
  const firstLine = (result.message ?? "").split("\n").find((line) => line.trim() !== "") ?? "";
  return firstLine === "" ? name : `${name}: ${firstLine.trim().slice(0, 160)}`;
}

export function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}
