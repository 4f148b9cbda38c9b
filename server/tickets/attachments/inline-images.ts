import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * An image in sanitised HTML (sanitize-html writes attributes double-quoted, with `>` escaped inside them), as
 * html/rich-text.ts allows it: one of our attachments, by its address.
 */
const attachmentImage = /<img\b[^>]*\bsrc="\/api\/v1\/attachments\/([0-9a-f-]{36})"[^>]*>/g;

/**
 * Sanitised HTML with only the images of its own ticket's attachments: those the ticket has (`ticketId`) and
 * those stored with it in this request (`uploads`, a mail's inline screenshots, whose ids are made before).
 * The sanitiser lets an image through when it is one of ours, but it cannot know the ticket: a customer could
 * show, in their own message, the image of any attachment of the help desk by its id, to every agent allowed
 * to see that file.
 */
export async function keepOwnImages(
  db: Db,
  html: string,
  own: { ticketId: string | null; uploads: readonly { id?: string | undefined }[] },
): Promise<string> {
  const named = [...new Set([...html.matchAll(attachmentImage)].map((m) => m[1] ?? ""))];
  if (named.length === 0) return html;
  const kept = new Set(own.uploads.flatMap((upload) => (upload.id ? [upload.id] : [])));
  const elsewhere = named.filter((id) => !kept.has(id));
  if (own.ticketId !== null && elsewhere.length > 0) {
    const rows = await db
      .selectFrom("attachments")
      .select("id")
      .where("ticket_id", "=", own.ticketId)
      .where("id", "in", elsewhere)
      .execute();
    for (const row of rows) kept.add(row.id);
  }
  return html.replace(attachmentImage, (image, id: string) => (kept.has(id) ? image : ""));
}
