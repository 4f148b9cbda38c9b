import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { testConfig } from "./factories.ts";

it("gives each test process's apps a data folder of its own, so one file's clean-up never removes another's files", () => {
  const script = `
    import { testConfig } from ${JSON.stringify(new URL("./factories.ts", import.meta.url).href)};
    console.log(testConfig().dataDir);`;
  const other = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(other.status).toBe(0);
  const theirs = other.stdout.trim();
  expect(theirs).not.toBe("");
  expect(theirs).not.toBe(testConfig().dataDir);
});
