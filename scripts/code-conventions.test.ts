import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");
/** The app's source files under `folder` (relative to it), tests left out. */
function sourcesIn(folder: string, extensions: string[]) {
  const dir = path.join(root, folder);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => extensions.some((e) => file.endsWith(e)) && !file.includes(".test."))
    .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(path.join(dir, file), "utf8") }));
}
const code = ["server", "common", "web"].flatMap((folder) => sourcesIn(folder, [".ts", ".tsx"]));
const sources = code.filter(({ file }) => file.startsWith("web/") && file.endsWith(".tsx"));

it("every table that scrolls sideways does so in web/ui/ScrollTable.tsx, which keyboard users can reach", () => {
  // A bare Table.ScrollContainer is a scrolling box nothing inside can focus (axe: scrollable-region-focusable).
  expect(sources.length).toBeGreaterThan(50);
  const bare = sources.filter(
    ({ file, text }) => file !== "web/ui/ScrollTable.tsx" && text.includes("Table.ScrollContainer"),
  );
  expect(bare.map(({ file }) => file)).toEqual([]);
});

it("no code groups items by spreading a key's list anew for each item (common/group-by.ts does it in linear time)", () => {
  // map.set(k, [...(map.get(k) ?? []), item]) in a loop is quadratic: the agents report ran for minutes at 1M tickets.
  expect(code.length).toBeGreaterThan(300);
  const spread = /\[\.\.\.\(?\s*[\w.]+\.get\(/;
  expect(code.filter(({ text }) => spread.test(text)).map(({ file }) => file)).toEqual([]);
});
