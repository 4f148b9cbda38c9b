/**
 * Runs the steps of `npm test` one after another and always ends with one line,
 * pass or fail: "tests: N passed, N failed, N skipped", naming the steps that
 * failed or did not run. Provisioning, the checks and the build stop the run
 * (there is nothing sound to test after them); the unit and browser tests both
 * run so one failing half does not hide the other.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import type { Counts } from "./test-report.ts";

export type Step = {
  name: string;
  command: string[];
  /** A failure here means later steps have nothing sound to run against. */
  stopsRun: boolean;
  /** Removed before the step runs, so a stale report never counts. */
  report?: string;
  counts?: (report: string) => Counts | undefined;
};

export type Outcome = { line: string; ok: boolean };

export function runSteps(steps: Step[], env: NodeJS.ProcessEnv = process.env): Outcome {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const failed: string[] = [];
  const notRun: string[] = [];
  const brokenFiles: string[] = [];
  let stopped = false;
  for (const step of steps) {
    if (stopped) {
      notRun.push(step.name);
      continue;
    }
    if (step.report) rmSync(step.report, { force: true });
    const [command, ...args] = step.command;
    if (!command) throw new Error(`step ${step.name} has no command`);
    const result = spawnSync(command, args, { stdio: "inherit", env });
    const counts = step.report && step.counts ? step.counts(step.report) : undefined;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      brokenFiles.push(...(counts.brokenFiles ?? []));
    }
    // A test step without its report crashed before counting anything: that is a failure too.
    const missingReport = step.counts !== undefined && counts === undefined;
    if (result.status !== 0 || missingReport) {
      // A test step that exits non-zero with no failure counted (an unhandled error between tests, a
      // crashed worker) says so, so the closing line never reads "0 failed" without a reason.
      const unexplained = counts !== undefined && counts.failed === 0;
      failed.push(
        unexplained ? `${step.name} (exit ${result.status}, no test failed: see its errors above)` : step.name,
      );
      if (step.stopsRun) stopped = true;
    }
  }
  const ok = failed.length === 0 && total.failed === 0 && total.passed > 0;
  const problems = [
    failed.length > 0 ? `failed: ${failed.join(", ")}` : "",
    notRun.length > 0 ? `not run: ${notRun.join(", ")}` : "",
    brokenFiles.length > 0 ? `broken outside a test: ${brokenFiles.join("; ")}` : "",
  ].filter(Boolean);
  const line = `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped${problems.length > 0 ? ` (${problems.join("; ")})` : ""}`;
  return { line, ok };
}
