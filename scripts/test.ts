/**
 * `npm test`: provision, check, build, unit and integration tests on both engines, browser journeys.
 * See scripts/test-run.ts for how the closing line is made.
 */
import { playwrightCounts, vitestCounts } from "./test-report.ts";
import { runSteps, type Step } from "./test-run.ts";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const steps: Step[] = [
  { name: "provision", command: ["bash", "scripts/provision-test.sh"], stopsRun: true },
  { name: "check", command: [npm, "run", "--silent", "check"], stopsRun: true },
  { name: "build", command: [npm, "run", "--silent", "build"], stopsRun: true },
  {
    name: "unit",
    command: [npm, "run", "--silent", "test:unit"],
    stopsRun: false,
    report: ".tmp/vitest-report.json",
    counts: vitestCounts,
  },
  {
    name: "e2e",
    command: [npm, "run", "--silent", "test:e2e"],
    stopsRun: false,
    report: ".tmp/playwright-report.json",
    counts: playwrightCounts,
  },
];

const started = Date.now();
const outcome = runSteps(steps);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nnpm test took ${minutes} min\n${outcome.line}`);
process.exit(outcome.ok ? 0 : 1);
