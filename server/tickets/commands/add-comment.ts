import type { CommentInput } from "../../../common/conversation.ts";
import { type Actor, isStaff } from "../../accounts/actor.ts";
import type { AppContext } from "../../context.ts";
import { now } from "../../db/engine.ts";
import { AppError } from "../../http/errors.ts";
import { commentAdded } from "../../mail/templates/comment-added.ts";
import { recordFirstResponse, reopenWindowEnds } from "../../sla/ticket-clock.ts";
import { insertTicketEvent } from "../events.ts";
import { actorName, firstStatusIn, loadTicket, moveToStatus, notifyPeopleOnTicket } from "../lifecycle.ts";
import { canComment } from "../policy.ts";
import { richTextToPlain, sanitizeRichText } from "../rich-text.ts";

/**
 * Adds a comment or internal note in one transaction: the event, the
 * ticket's "updated" time, the status change a customer's reply causes
 * (waiting for the customer → open; solved → reopened inside the reopen
 * window), and mail to the requester and CCs for a public reply. Closed and
 * withdrawn tickets, and solved ones past the window, take no more comments.
 */
export async function addComment(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  number: number,
  input: CommentInput,
): Promise<{ id: string }> {
  if (!canComment(actor, input.kind)) {
    throw new AppError("forbidden", "Only agents can write private comments and internal notes.");
  }
  const body = input.format === "html" ? sanitizeRichText(input.body) : input.body;
  const plain = input.format === "html" ? richTextToPlain(body) : body;
  if (!plain.trim())
    throw new AppError("validation_failed", "Some fields need attention.", { body: "Write a comment." });

  return db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number);
    if (ticket.category === "closed" || ticket.category === "cancelled") {
      throw new AppError("conflict", "This request is closed and takes no more comments. Create a follow-up instead.");
    }
    const at = now();
    const customer = !isStaff(actor);
    if (customer && ticket.category === "solved" && ticket.solved_at) {
      const windowEnds = await reopenWindowEnds(trx, ticket.id);
      if (windowEnds && new Date(at) > windowEnds) {
        throw new AppError(
          "conflict",
          `This request was solved more than ${config.reopenWindowDays} business days ago. Create a follow-up instead.`,
        );
      }
    }
    const visibility = input.kind === "public" ? "public" : "internal";
    const event = await insertTicketEvent(trx, {
      ticketId: ticket.id,
      type: input.kind === "note" ? "note" : "comment",
      actor: actorName(actor),
      visibility,
      payload: { body, format: input.format, kind: input.kind },
      at,
    });
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
    if (!customer && visibility === "public") await recordFirstResponse(trx, ticket.id, at);

    // The customer answered what we were waiting for, or came back inside the reopen window.
    if (customer && (ticket.category === "pending" || ticket.category === "solved")) {
      const open = await firstStatusIn(trx, "open");
      const reason = ticket.category === "pending" ? "customer_replied" : "customer_reopened";
      if (open) await moveToStatus(trx, config, actor, ticket, { ...open, category: "open" }, reason, at);
    }

    if (visibility === "public") {
      const by = actor.kind === "user" ? actor.user.email : actor.kind === "guest" ? actor.email : null;
      const author = actorName(actor).name;
      await notifyPeopleOnTicket(
        trx,
        config,
        ticket,
        "comment-added",
        (ticketUrl, forGuest) =>
          commentAdded({ number: ticket.number, subject: ticket.subject, author, comment: plain, ticketUrl, forGuest }),
        at,
        by,
        input.notify,
      );
    }
    return { id: event };
  });
}
