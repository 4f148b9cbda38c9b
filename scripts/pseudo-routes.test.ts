import { readFileSync } from "node:fs";
import path from "node:path";
import type { RouteObject } from "react-router";
import { expect, it } from "vitest";
import { visitedPatterns } from "../e2e/pseudo-pages.ts";
import { routes } from "../web/routes.tsx";

/** Every page's pattern: parents' paths joined with their children's, an index route at its parent's path. */
function pagePatterns(tree: RouteObject[], parent = ""): string[] {
  return tree.flatMap((route) => {
    const here = route.path ? `${parent}/${route.path}` : parent;
    if (route.children) return pagePatterns(route.children, here);
    return [route.index ? parent || "/" : here];
  });
}

const spec = readFileSync(path.join(import.meta.dirname, "../e2e/pseudo-locale.spec.ts"), "utf8");

it("the pseudo-locale run visits every route of the web app (web/routes.tsx, web/admin/routes.tsx)", () => {
  const patterns = [...new Set(pagePatterns(routes))];
  // The admin area is there, nested: a walk that missed it would pass for the wrong reason.
  expect(patterns).toContain("/admin/users");
  expect(patterns.filter((p) => !(visitedPatterns as readonly string[]).includes(p))).toEqual([]);
  expect(visitedPatterns.filter((p) => !patterns.includes(p))).toEqual([]);
});

it("the spec checks each listed pattern", () => {
  // A pattern the list names but no check passes would make the list a promise, not a record.
  expect(visitedPatterns.filter((p) => !spec.includes(`"${p}"`))).toEqual([]);
});
