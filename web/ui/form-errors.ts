import type { z } from "zod";
import { ApiError } from "../api/client.ts";

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

/**
 * The sentence for a failed request that is about one field, such as a mailed
 * link's token: the field's own sentence when the server sent one, which says
 * more than the general "Some fields need attention."
 */
export function errorAbout(error: Error, field: string): string {
  return (error instanceof ApiError && error.fields[field]) || error.message;
}
