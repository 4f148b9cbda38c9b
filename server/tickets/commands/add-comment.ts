import type { Transaction } from "kysely";
import type { CommentInput } from "../../../common/conversation.ts";
import { hasVisibleText } from "../../../common/text.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { sanitizeFormHtml } from "../../html/bounded-html.ts";
import { keepOwnImages } from "../attachments/inline-images.ts";
import { storeAttachments } from "../attachments/store.ts";
import type { UploadedFile } from "../attachments/uploads.ts";
import { markCustomerReplied } from "../customer-replies.ts";
import { recordEvent } from "../events.ts";
import {
  actorName,
  firstStatusIn,
  type LoadedTicket,
  loadTicket,
  moveToStatus,
  reopenWindowEnds,
} from "../lifecycle.ts";
import { attachmentStorage, type ChannelOptions } from "./submit-ticket.ts";

export type CommentOptions = ChannelOptions & {
  /**
   * A status change that comes with the comment (solve, withdraw, an agent's
   * status), run in the comment's own transaction after it: both happen, or
   * neither. The comment then leaves the status to it.
   */
  andThen?: (trx: Transaction<Database>) => Promise<void>;
};

/**
 * Adds a comment or internal note in one transaction: the event (whose
 * reactions mail a public reply to the requester and CCs), the ticket's
 * "updated" time, and the status change a customer's reply causes (waiting
 * for the customer → open; solved → reopened inside the reopen window). Closed and
 * withdrawn tickets, and solved ones past the window, take no more comments.
 */
/**
 * A closed or withdrawn ticket takes no more comments or notes, whichever way they come (the ticket page, a bulk
 * note); a customer may still reopen a closed one by replying where an admin switched that on for the status.
 * Answers whether the comment reopens a closed ticket so.
 */
export function refuseClosedForComments(
  ticket: Pick<LoadedTicket, "category" | "customers_may_reopen">,
  customer: boolean,
): boolean {
  // Seed 002's "you can reopen a closed ticket": only where an admin switched it on for the status.
  const reopensClosed = customer && ticket.category === "closed" && ticket.customers_may_reopen === 1;
  if ((ticket.category === "closed" && !reopensClosed) || ticket.category === "cancelled") {
    throw new AppError("conflict", "This request is closed and takes no more comments. Create a follow-up instead.");
  }
  return reopensClosed;
}

export async function addComment(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  number: number,
  input: CommentInput,
  uploads: UploadedFile[] = [],
  options: CommentOptions = {},
): Promise<{ id: string }> {
  const { html: sanitized, text: plain } =
    input.format === "html" ? await sanitizeFormHtml(input.body, "body") : { html: input.body, text: input.body };
  if (!hasVisibleText(plain))
    throw new AppError("validation_failed", "Some fields need attention.", { body: "Write a comment." });

  const storage = attachmentStorage(config);
  const stored: string[] = [];
  try {
    return await db.transaction().execute(async (trx) => {
      const ticket = await loadTicket(trx, actor, number, input.kind === "public" ? "reply" : "internal");
      const body =
        input.format === "html" ? await keepOwnImages(trx, sanitized, { ticketId: ticket.id, uploads }) : sanitized;
      // Agents working the ticket reply under their own rules; everyone else's reply can reopen it.
      const customer = !ticket.standing.worker;
      const reopensClosed = refuseClosedForComments(ticket, customer);
      const at = now();
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
      const author = actorName(actor);
      // A file on an internal note or private comment is as internal as the words around it.
      const attachments = await storeAttachments(
        trx,
        storage,
        stored,
        { ticketId: ticket.id, visibility, uploader: { id: author.id, name: author.name }, at },
        uploads,
      );
      await options.within?.(trx, { id: ticket.id, number: ticket.number });
      // The customer answered what we were waiting for, or came back inside the reopen window.
      // Not when the comment comes with a status change of its own ("Mark as solved and send").
      const reopens = ticket.category === "pending" || ticket.category === "solved" || reopensClosed;
      const movesTo = customer && reopens && !options.andThen ? await firstStatusIn(trx, "open") : undefined;
      // Its reactions meet the first-response target, mail a public comment to the requester and CCs,
      // and tell the agents of a customer's reply.
      const event = await recordEvent(
        trx,
        { config },
        {
          ticketId: ticket.id,
          type: input.kind === "note" ? "note" : "comment",
          actor: author,
          visibility,
          payload: {
            body,
            format: input.format,
            kind: input.kind,
            ...(attachments.length ? { attachments } : {}),
            ...(options.channel ? { channel: options.channel } : {}),
            ...(input.notify ? { notify: input.notify } : {}),
            fromAgent: !customer,
            ...(movesTo ? { movesTo: movesTo.id } : {}),
          },
          at,
        },
      );
      await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();

      if (movesTo) {
        const reason = ticket.category === "pending" ? "customer_replied" : "customer_reopened";
        await moveToStatus(trx, config, actor, ticket, { ...movesTo, category: "open" }, reason, at);
      }
      // Marked in the queues until each agent opens it.
      if (customer) await markCustomerReplied(trx, ticket.id, at);

      await options.andThen?.(trx);
      return { id: event };
    });
  } catch (error) {
    await Promise.all(stored.map((key) => storage.remove(key)));
    throw error;
  }
}
