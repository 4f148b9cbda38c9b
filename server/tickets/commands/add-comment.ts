import type { CommentInput } from "../../../common/conversation.ts";
import { type Actor, isStaff } from "../../accounts/actor.ts";
import { guestLinkUrl, issueGuestLink } from "../../accounts/guest-links.ts";
import type { AppContext } from "../../context.ts";
import { now } from "../../db/engine.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { queueMail } from "../../mail/outbox.ts";
import { commentAdded } from "../../mail/templates/comment-added.ts";
import { insertTicketEvent } from "../events.ts";
import { canComment, ticketScope } from "../policy.ts";
import { richTextToPlain, sanitizeRichText } from "../rich-text.ts";

function author(actor: Actor): { id: string | null; name: string } {
  if (actor.kind === "user") return { id: actor.user.id, name: actor.user.name };
  if (actor.kind === "guest") return { id: null, name: actor.email };
  return { id: null, name: "Someone" };
}

/**
 * Adds a comment or internal note in one transaction: the event, the
 * ticket's "updated" time, the status change a customer's reply causes
 * (waiting for the customer → open), and the requester's mail for a public
 * reply by someone else. Closed and withdrawn tickets take no more comments.
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
    const ticket = await trx
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select([
        "tickets.id",
        "tickets.number",
        "tickets.subject",
        "tickets.requester_email",
        "tickets.requester_name",
        "tickets.requester_id",
        "statuses.category",
        "statuses.id as status_id",
        "statuses.agent_label",
      ])
      .where(ticketScope(actor))
      .where("tickets.number", "=", number)
      .executeTakeFirst();
    if (!ticket) throw notFound("That ticket");
    if (ticket.category === "closed" || ticket.category === "cancelled") {
      throw new AppError("conflict", "This request is closed and takes no more comments. Create a follow-up instead.");
    }
    const at = now();
    const who = author(actor);
    const visibility = input.kind === "public" ? "public" : "internal";
    const event = await insertTicketEvent(trx, {
      ticketId: ticket.id,
      type: input.kind === "note" ? "note" : "comment",
      actor: who,
      visibility,
      payload: { body, format: input.format, kind: input.kind },
      at,
    });
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();

    // The customer answered what we were waiting for: the ticket is back with the agents.
    if (!isStaff(actor) && ticket.category === "pending") {
      const open = await trx
        .selectFrom("statuses")
        .select(["id", "agent_label"])
        .where("category", "=", "open")
        .orderBy("position")
        .executeTakeFirst();
      if (open) {
        await trx.updateTable("tickets").set({ status_id: open.id }).where("id", "=", ticket.id).execute();
        await insertTicketEvent(trx, {
          ticketId: ticket.id,
          type: "status_changed",
          actor: who,
          visibility: "public",
          payload: { from: ticket.status_id, to: open.id, reason: "customer_replied" },
          at,
        });
      }
    }

    // Someone else answered publicly: the requester hears about it (guests with a fresh access link).
    const byRequester = actor.kind === "user" ? actor.user.id === ticket.requester_id : actor.kind === "guest";
    if (visibility === "public" && !byRequester) {
      const forGuest = ticket.requester_id === null;
      const ticketUrl = forGuest
        ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticket.id, ticket.requester_email, new Date(at)))
        : `${config.baseUrl}/requests/${ticket.number}`;
      await queueMail(
        trx,
        {
          template: "comment-added",
          to: ticket.requester_email,
          content: commentAdded({
            number: ticket.number,
            subject: ticket.subject,
            author: who.name,
            comment: plain,
            ticketUrl,
            forGuest,
          }),
        },
        { baseUrl: config.baseUrl, at },
      );
    }
    return { id: event };
  });
}
