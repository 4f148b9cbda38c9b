import type { Category } from "../../common/catalog.ts";

export type CategoryBranch = Category & { children: Category[] };

/**
 * Categories as the tree they are (one level of sub-categories): top-level ones in the server's order, each
 * with its sub-categories in order. A sub-category whose parent is not in the list stands on its own.
 */
export function categoryTree(categories: Category[]): CategoryBranch[] {
  const ids = new Set(categories.map((c) => c.id));
  return categories
    .filter((c) => c.parentId === null || !ids.has(c.parentId))
    .map((c) => ({ ...c, children: categories.filter((child) => child.parentId === c.id) }));
}

/** Options for a category picker in tree order: each parent, then its sub-categories named "Parent › Child". */
export function categoryOptions(categories: Category[]): { value: string; label: string }[] {
  return categoryTree(categories).flatMap((parent) => [
    { value: parent.id, label: parent.name },
    ...parent.children.map((child) => ({ value: child.id, label: `${parent.name} › ${child.name}` })),
  ]);
}
