import { ApiError } from "../api/client.ts";

/**
 * The server's sentences about a form's fields, keyed by the form's own field
 * names: "roleIds.0" (the first chosen role) is shown under "roleIds".
 */
export function fieldProblems(error: Error): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const problems: Record<string, string> = {};
  for (const [path, sentence] of Object.entries(error.fields)) problems[path.split(".")[0] ?? path] ??= sentence;
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
