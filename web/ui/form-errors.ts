import type { z } from "zod";
import { ApiError } from "../api/client.ts";
import { localizeSentence } from "../i18n/sentences.ts";

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
    errors[field] ??= localizeSentence(issue.message);
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

/**
 * The server's sentences about a form's fields, keyed by the form's own field
 * names: "roleIds.0" (the first chosen role) is shown under "roleIds".
 */
export function fieldProblems(error: Error): Record<string, string> {
  return error instanceof ApiError ? byTopField(error.fields) : {};
}

/** Sentences keyed by a path ("roleIds.0") regrouped under the field's own name ("roleIds"), first one kept. */
export function byTopField(fields: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [path, sentence] of Object.entries(fields)) problems[path.split(".")[0] ?? path] ??= sentence;
  return problems;
}

/**
 * What an alert above a form's button says when a save fails: nothing when every
 * problem already shows under its field, otherwise the server's sentence and the
 * sentences about fields the form does not have.
 */
export function formProblem(error: Error | null, shown: readonly string[]): string | null {
  if (!error) return null;
  const problems = fieldProblems(error);
  const others = Object.entries(problems).filter(([field]) => !shown.includes(field));
  if (Object.keys(problems).length > 0 && others.length === 0) return null;
  return [error.message, ...others.map(([, sentence]) => sentence)].join(" ");
}
