import type { z } from "zod";
import { AppError } from "../core/errors.ts";

/** The JSON part of a multipart request, checked like the JSON body of its sibling route. */
export function parseJsonPart<T extends z.ZodType>(schema: T, json: unknown, part: string): z.output<T> {
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || part, i.message]));
    throw new AppError("validation_failed", "Some fields need attention.", fields);
  }
  return parsed.data;
}
