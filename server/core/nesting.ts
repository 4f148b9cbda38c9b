import { AppError } from "./errors.ts";

/**
 * How deep arrays and objects may nest in what a caller sends. No schema of ours goes past a handful of levels;
 * a body nested thousands deep ("[[[[…") overflowed the stack of every walk over it (this cleaning, validation)
 * and answered 500. Checked without recursion, before anything else walks the body.
 */
const maxNesting = 64;

/** Refuses a parsed JSON value nested deeper than any request needs, with a 400 the caller can act on. */
export function refuseDeepNesting(value: unknown): void {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object") continue;
    if (depth >= maxNesting) throw new AppError("validation_failed", "The request body is nested too deeply.");
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
}
