import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const web = path.join(import.meta.dirname, "../web");
const sources = readdirSync(web, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".tsx"))
  .map((file) => ({ file, text: readFileSync(path.join(web, file), "utf8") }));

it("every table that scrolls sideways does so in web/ui/ScrollTable.tsx, which keyboard users can reach", () => {
  // A bare Table.ScrollContainer is a scrolling box nothing inside can focus (axe: scrollable-region-focusable).
  expect(sources.length).toBeGreaterThan(50);
  const bare = sources.filter(
    ({ file, text }) => file !== "ui/ScrollTable.tsx" && text.includes("Table.ScrollContainer"),
  );
  expect(bare.map(({ file }) => file)).toEqual([]);
});
