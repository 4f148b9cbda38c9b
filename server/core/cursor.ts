/** Keyset pagination: the opaque cursor every list hands out for its next page. */
import { AppError } from "./errors.ts";

export type Cursor = { createdAt: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value;
      if (typeof createdAt === "string" && typeof id === "string") return { createdAt, id };
    }
  } catch {
    // Fall through to the error below: a cursor is opaque, so any damage means the same thing.
  }
  throw new AppError("validation_failed", "The page cursor is not valid; start again from the first page.", {
    cursor: "This cursor is not valid.",
  });
}
