import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "server/**/*.test.ts",
      "common/**/*.test.ts",
      "bench/**/*.test.ts",
      "scripts/**/*.test.ts",
      "client/**/*.test.ts",
      "web/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["server/test/global-setup.ts"],
    // Each test file gets the app's reactions to ticket events, as main.ts and buildApp install them.
    setupFiles: ["server/test/reactions-setup.ts"],
    // argon2 hashing and two database engines per file: give slow machines room.
    testTimeout: 20_000,
    // The JSON report feeds the one closing line of `npm test` (scripts/test.ts).
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/vitest-report.json" },
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which ran every file in turn
    // (758 s, where two workers took 396 s). The files wait on PostgreSQL, SMTP and IMAP for much of their time, so
    // two share two cores well; the longest files have their own generous timeouts (docs/decisions.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
