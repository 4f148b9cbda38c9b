import type { z } from "zod";
import { AppError } from "../core/errors.ts";
import { takesNamedKeysOnly, unknownFieldSentence } from "./request-validation.ts";

/**
 * The JSON part of a multipart request, checked like the JSON body of its sibling route: unknown top-level keys
 * are refused here too. Dropped, `{"body": "…", "kindd": "note"}` went out as a public reply.
 */
export function parseJsonPart<T extends z.ZodType>(schema: T, json: unknown, part: string): z.output<T> {
  const strict = takesNamedKeysOnly(schema) ? schema.strict() : schema;
  const parsed = strict.safeParse(json ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) fields[field ? `${field}.${key}` : key] ??= unknownFieldSentence;
        continue;
      }
      fields[field || part] ??= issue.message;
    }
    throw new AppError("validation_failed", "Some fields need attention.", fields);
  }
  return parsed.data as z.output<T>;
}
