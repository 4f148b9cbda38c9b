import { expect, it } from "vitest";
import { groupBy } from "./group-by.ts";

it("groups items by key, keeping each key's items and the keys in their first order", () => {
  const grouped = groupBy(["apple", "bean", "avocado", "beet", "cherry"], (word) => word[0]);
  expect([...grouped.entries()]).toEqual([
    ["a", ["apple", "avocado"]],
    ["b", ["bean", "beet"]],
    ["c", ["cherry"]],
  ]);
});
