/**
 * One comment or note of a ticket, read from its events: the comment's own event (never rewritten), the
 * edits that changed its words since (`comment_edited`), and its removal (`comment_deleted`).
 */
import type { Kysely, Transaction } from "kysely";
import type { Comment } from "../../common/conversation.ts";
import { parseTicketEvent } from "../../common/ticket-events.ts";
import { notFound } from "../core/errors.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

export type StoredComment = Comment & { visibility: "public" | "internal" };

/**
 * The comment with this id on the ticket, with its latest words; "not found" for no such comment, one
 * that was removed, or (for a reader who does not see internal entries) a private comment or note.
 */
export async function findComment(
  db: Kysely<Database> | Transaction<Database>,
  ticketId: string,
  commentId: string,
  seesInternal: boolean,
): Promise<StoredComment> {
  const comment = await currentComment(db, ticketId, commentId);
  if (!comment || (comment.visibility === "internal" && !seesInternal)) throw notFound("That comment");
  return comment;
}

/**
 * The comment as it reads now, or null when there is no such comment or it was removed. Whatever copies a
 * comment's words elsewhere (an article, a quote) reads them here, never from the comment's own event, which
 * keeps the words an edit took out.
 */
export async function currentComment(
  db: Kysely<Database> | Transaction<Database>,
  ticketId: string,
  commentId: string,
): Promise<StoredComment | null> {
  const rows = await db
    .selectFrom("ticket_events")
    .select(["id", "type", "actor_name", "visibility", "payload", "created_at"])
    .where("ticket_id", "=", ticketId)
    .where((eb) =>
      eb.or([
        eb.and([eb("id", "=", commentId), eb("type", "in", ["comment", "note"])]),
        eb("type", "in", ["comment_edited", "comment_deleted"]),
      ]),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  let comment = null as StoredComment | null;
  for (const row of rows) {
    const event = parseTicketEvent(row.type, decodeJson(row.payload));
    if (!event) continue;
    if ((event.type === "comment" || event.type === "note") && row.id === commentId) {
      comment = {
        id: row.id,
        kind: event.payload.kind,
        author: row.actor_name,
        at: row.created_at,
        body: event.payload.body,
        format: event.payload.format,
        attachments: event.payload.attachments ?? [],
        editedAt: null,
        visibility: row.visibility,
      };
    } else if (comment && event.type === "comment_edited" && event.payload.commentId === commentId) {
      comment = { ...comment, body: event.payload.after, format: event.payload.format, editedAt: row.created_at };
    } else if (event.type === "comment_deleted" && event.payload.commentId === commentId) {
      comment = null;
      break;
    }
  }
  return comment;
}

/** What a reader is sent: the comment without the storage detail of its visibility (its kind says it). */
export function presentComment({ visibility: _, ...comment }: StoredComment): Comment {
  return comment;
}
