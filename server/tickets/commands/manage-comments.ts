/**
 * Agents correct or remove a comment or note. Neither rewrites the comment's event: an edit records
 * `comment_edited` with the words before and after, a removal records `comment_deleted`, both with the
 * comment's visibility, so the Feed keeps every revision and customers see a public comment marked "edited"
 * or "removed by" whoever removed it. Customers never edit or remove (the ticket policy's "edit" rule).
 */
import type { CommentEdit } from "../../../common/conversation.ts";
import { hasVisibleText } from "../../../common/text.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { sanitizeFormHtml } from "../../html/bounded-html.ts";
import { keepOwnImages } from "../attachments/inline-images.ts";
import { findComment } from "../comments.ts";
import { recordEvent } from "../events.ts";
import { actorName, loadTicket } from "../lifecycle.ts";
import { requireWork } from "../work-access.ts";

export async function editComment(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  number: number,
  commentId: string,
  input: CommentEdit,
): Promise<void> {
  requireWork(actor);
  return db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "edit");
    const comment = await findComment(trx, ticket.id, commentId, true);
    const format = input.format ?? comment.format;
    const { html: sanitized, text: plain } =
      format === "html" ? await sanitizeFormHtml(input.body, "body") : { html: input.body, text: input.body };
    const after =
      format === "html" ? await keepOwnImages(trx, sanitized, { ticketId: ticket.id, uploads: [] }) : sanitized;
    if (!hasVisibleText(plain))
      throw new AppError("validation_failed", "Some fields need attention.", { body: "Write a comment." });
    // Saving the same words again is no revision.
    if (after === comment.body && format === comment.format) return;
    const at = now();
    await recordEvent(
      trx,
      { config },
      {
        ticketId: ticket.id,
        type: "comment_edited",
        actor: actorName(actor),
        visibility: comment.visibility,
        payload: { commentId, before: comment.body, after, format },
        at,
      },
    );
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}

export async function deleteComment(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  number: number,
  commentId: string,
): Promise<void> {
  requireWork(actor);
  return db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "edit");
    const comment = await findComment(trx, ticket.id, commentId, true);
    const at = now();
    await recordEvent(
      trx,
      { config },
      {
        ticketId: ticket.id,
        type: "comment_deleted",
        actor: actorName(actor),
        visibility: comment.visibility,
        payload: { commentId, author: comment.author },
        at,
      },
    );
    // The files that came with a public reply leave the customer's view with its words (the ticket's list, the
    // download); agents keep them, as they keep the removed words in the history. A note's files are agents' already.
    const files = comment.attachments.map((a) => a.id);
    if (comment.visibility === "public" && files.length > 0) {
      await trx
        .updateTable("attachments")
        .set({ visibility: "internal" })
        .where("ticket_id", "=", ticket.id)
        .where("id", "in", files)
        .execute();
    }
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}
