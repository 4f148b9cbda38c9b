import type { z } from "zod";

/**
 * Runs a shared zod schema over form values and returns one sentence per field,
 * the first problem found, keyed by field path the way the API reports them.
 */
export function fieldErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".");
    errors[field] ??= issue.message;
  }
  return errors;
}
