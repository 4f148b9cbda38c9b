import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { vitestCounts } from "./test-report.ts";
import { runSteps, type Step } from "./test-run.ts";

const quiet = { ...process.env };
const node = process.execPath;

function exitWith(code: number): string[] {
  return [node, "-e", `process.exit(${code})`];
}

/** A step that writes a Vitest-shaped report, then exits with the given code. */
function unitStep(
  dir: string,
  counts: { passed: number; failed: number },
  code: number,
  testResults: unknown[] = [],
): Step {
  const report = path.join(dir, "vitest.json");
  const json = JSON.stringify({
    numPassedTests: counts.passed,
    numFailedTests: counts.failed,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults,
  });
  return {
    name: "unit",
    command: [
      node,
      "-e",
      `require("node:fs").writeFileSync(${JSON.stringify(report)}, ${JSON.stringify(json)}); process.exit(${code})`,
    ],
    stopsRun: false,
    report,
    counts: vitestCounts,
  };
}

describe("the npm test runner", () => {
  it("prints the closing line when every step passes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "test-run-"));
    const outcome = runSteps(
      [{ name: "check", command: exitWith(0), stopsRun: true }, unitStep(dir, { passed: 3, failed: 0 }, 0)],
      quiet,
    );
    expect(outcome).toEqual({ line: "tests: 3 passed, 0 failed, 1 skipped", ok: true });
  });

  it("still prints the line when the checks fail, naming them and what did not run", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "test-run-"));
    const outcome = runSteps(
      [
        { name: "check", command: exitWith(1), stopsRun: true },
        { name: "build", command: exitWith(0), stopsRun: true },
        unitStep(dir, { passed: 3, failed: 0 }, 0),
      ],
      quiet,
    );
    expect(outcome).toEqual({
      line: "tests: 0 passed, 0 failed, 0 skipped (failed: check; not run: build, unit)",
      ok: false,
    });
  });

  it("counts failed tests and runs the later test steps after a failing one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "test-run-"));
    const e2eReport = path.join(dir, "e2e.json");
    writeFileSync(e2eReport, "stale");
    const outcome = runSteps(
      [
        unitStep(dir, { passed: 5, failed: 2 }, 1),
        // Its stale report is removed first, so a crash before writing one is a failure, not old numbers.
        { name: "e2e", command: exitWith(0), stopsRun: false, report: e2eReport, counts: vitestCounts },
      ],
      quiet,
    );
    expect(outcome).toEqual({ line: "tests: 5 passed, 2 failed, 1 skipped (failed: unit, e2e)", ok: false });
  });

  it("counts a file that failed outside its tests as a failure and names it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "test-run-"));
    const hookFailed = {
      name: path.join(process.cwd(), "server/x.test.ts"),
      status: "failed",
      message: "\nHook timed out in 30000ms.\nIf this is a long-running hook, pass a timeout value",
      assertionResults: [{ status: "skipped" }],
    };
    const passedFile = { name: "server/y.test.ts", status: "passed", assertionResults: [{ status: "passed" }] };
    const outcome = runSteps([unitStep(dir, { passed: 3, failed: 0 }, 1, [hookFailed, passedFile])], quiet);
    expect(outcome).toEqual({
      line: "tests: 3 passed, 1 failed, 1 skipped (failed: unit; broken outside a test: server/x.test.ts: Hook timed out in 30000ms.)",
      ok: false,
    });
  });

  it("says when a test step fails with every test passing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "test-run-"));
    const outcome = runSteps([unitStep(dir, { passed: 3, failed: 0 }, 1)], quiet);
    expect(outcome).toEqual({
      line: "tests: 3 passed, 0 failed, 1 skipped (failed: unit (exit 1, no test failed: see its errors above))",
      ok: false,
    });
  });
});
