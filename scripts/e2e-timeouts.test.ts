import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import config from "../playwright.config.ts";

const e2eDir = path.join(import.meta.dirname, "../e2e");

/** Test limits a spec sets for itself: test.setTimeout(N) and test.describe.configure({ timeout: N }). */
function ownLimits(source: string): number[] {
  const limits = [
    ...source.matchAll(/setTimeout\(\s*([\d_]+)\s*\)/g),
    ...source.matchAll(/configure\(\{[^}]*timeout:\s*([\d_]+)/g),
  ];
  return limits.map((match) => Number(match[1]?.replaceAll("_", "")));
}

it("no browser journey sets itself a tighter time limit than the suite's bound", () => {
  const bound = config.timeout ?? 30_000;
  const tighter = readdirSync(e2eDir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => ownLimits(readFileSync(path.join(e2eDir, file), "utf8")).map((limit) => ({ file, limit })))
    .filter(({ limit }) => limit < bound);
  expect(tighter).toEqual([]);
});
