import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "common/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["server/test/global-setup.ts"],
    // argon2 hashing and two database engines per file: give slow machines room.
    testTimeout: 20_000,
    // The JSON report feeds the one closing line of `npm test` (scripts/test.ts).
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/vitest-report.json" },
    hookTimeout: 30_000,
  },
});
