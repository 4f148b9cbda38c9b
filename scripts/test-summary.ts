/**
 * Prints one closing line for the whole `npm test` run, adding up the Vitest
 * and Playwright JSON reports: "tests: N passed, N failed, N skipped".
 */
import { existsSync, readFileSync } from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

const reports: [string, (file: string) => Counts][] = [
  [".tmp/vitest-report.json", vitestCounts],
  [".tmp/playwright-report.json", playwrightCounts],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [file, read] of reports) {
  if (!existsSync(file)) {
    console.error(`test summary: ${file} is missing, so that part of the suite did not run.`);
    process.exit(1);
  }
  const counts = read(file);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
