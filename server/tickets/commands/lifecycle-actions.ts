/** What agents and requesters do to a ticket's state: each one use-case, one transaction. */

import type { Transaction } from "kysely";
import { type CommentInput, ticketCcLimit } from "../../../common/conversation.ts";
import { isClosed, isFinished } from "../../../common/tickets.ts";
import { normalizeEmail } from "../../accounts/queries.ts";
import { type Actor, anonymous } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { recordEvent } from "../events.ts";
import { actorName, firstStatusIn, loadTicket, moveToStatus } from "../lifecycle.ts";
import { addComment } from "./add-comment.ts";
import { submitTicket } from "./submit-ticket.ts";

type Ctx = Pick<AppContext, "db" | "config">;

/**
 * Runs a status change on its own, or with a comment written first in the
 * same transaction ("Mark as solved and send"): the comment reads before the
 * change, and either both happen or neither.
 */
async function withOptionalComment(
  ctx: Ctx,
  actor: Actor,
  number: number,
  comment: CommentInput | undefined,
  change: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  if (comment) {
    await addComment(ctx, actor, number, comment, [], { andThen: change });
    return;
  }
  await ctx.db.transaction().execute(change);
}

/** Agents move a ticket to any status; an optional comment is written first, so it reads before the change. */
export async function changeStatus(ctx: Ctx, actor: Actor, number: number, statusId: string, comment?: CommentInput) {
  const status = await ctx.db
    .selectFrom("statuses")
    .select(["id", "customer_label", "category"])
    .where("id", "=", statusId)
    .executeTakeFirst();
  await withOptionalComment(ctx, actor, number, comment, async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "changeStatus");
    if (!status)
      throw new AppError("validation_failed", "Some fields need attention.", {
        statusId: "Choose a status from the list.",
      });
    if (status.id === ticket.status_id) return;
    await moveToStatus(trx, ctx.config, actor, ticket, status, "agent", now());
  });
}

/** Seed 003's "Mark as solved" (and "Mark as solved and send"): the requester closes the matter, optionally with a last word. */
export async function markSolved(ctx: Ctx, actor: Actor, number: number, comment?: CommentInput) {
  const lastWord = comment ? { ...comment, kind: "public" as const } : undefined;
  await withOptionalComment(ctx, actor, number, lastWord, async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "solve");
    if (isFinished(ticket.category)) {
      throw new AppError("conflict", "This request is already finished.");
    }
    const solved = await firstStatusIn(trx, "solved");
    if (!solved) throw new AppError("conflict", "This help desk has no solved status; ask an administrator.");
    await moveToStatus(trx, ctx.config, actor, ticket, { ...solved, category: "solved" }, "customer_solved", now());
  });
}

/** Seed 001's "Withdraw request": a reason from the admin's list, and an optional comment. */
export async function withdraw(ctx: Ctx, actor: Actor, number: number, reasonId: string, comment?: CommentInput) {
  const reason = await ctx.db
    .selectFrom("withdraw_reasons")
    .select("label")
    .where("id", "=", reasonId)
    .executeTakeFirst();
  if (!reason)
    throw new AppError("validation_failed", "Some fields need attention.", {
      reasonId: "Choose a reason from the list.",
    });
  const lastWord = comment ? { ...comment, kind: "public" as const } : undefined;
  await withOptionalComment(ctx, actor, number, lastWord, async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "withdraw");
    if (isClosed(ticket.category)) throw new AppError("conflict", "This request is already closed.");
    const cancelled = await firstStatusIn(trx, "cancelled");
    if (!cancelled) throw new AppError("conflict", "This help desk has no withdrawn status; ask an administrator.");
    await moveToStatus(trx, ctx.config, actor, ticket, { ...cancelled, category: "cancelled" }, "withdrawn", now(), {
      withdrawReason: reason.label,
      withdrawReasonId: reasonId,
    });
  });
}

/** Requesters and agents copy colleagues on a ticket; they get its public conversation by mail. */
export async function addCc(ctx: Ctx, actor: Actor, number: number, emailInput: string) {
  const email = normalizeEmail(emailInput);
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "addCc");
    if (email === ticket.requester_email) {
      throw new AppError("validation_failed", "Some fields need attention.", {
        email: "The requester already gets every reply.",
      });
    }
    const existing = await trx
      .selectFrom("ticket_ccs")
      .select("email")
      .where("ticket_id", "=", ticket.id)
      .where("email", "=", email)
      .executeTakeFirst();
    if (existing) return;
    const count = await trx
      .selectFrom("ticket_ccs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ticket_id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= ticketCcLimit)
      throw new AppError("validation_failed", "A ticket can have at most 20 CCs.", {
        email: "A ticket can have at most 20 CCs.",
      });
    const at = now();
    await trx
      .insertInto("ticket_ccs")
      .values({ ticket_id: ticket.id, email, added_by_name: actorName(actor).name, created_at: at })
      .execute();
    await recordEvent(trx, ctx, {
      ticketId: ticket.id,
      type: "cc_added",
      actor: actorName(actor),
      visibility: "public",
      payload: { email },
      at,
    });
  });
}

export async function removeCc(ctx: Ctx, actor: Actor, number: number, emailInput: string) {
  const email = normalizeEmail(emailInput);
  await ctx.db.transaction().execute(async (trx) => {
    // Anyone copied may stop being copied; removing someone else is the requester's (or an agent's) call.
    const self = actor.kind === "user" ? actor.user.email : actor.kind === "guest" ? actor.email : null;
    const ticket = await loadTicket(trx, actor, number, email === self ? "leaveCc" : "removeCc");
    const removed = await trx
      .deleteFrom("ticket_ccs")
      .where("ticket_id", "=", ticket.id)
      .where("email", "=", email)
      .executeTakeFirst();
    if (!removed.numDeletedRows) return;
    await recordEvent(trx, ctx, {
      ticketId: ticket.id,
      type: "cc_removed",
      actor: actorName(actor),
      visibility: "public",
      payload: { email },
      at: now(),
    });
  });
}

/**
 * A new request that follows a finished one (seed 003): for closed tickets,
 * and solved ones past the reopen window. It keeps the old one's category
 * and priority, and both tickets point at each other.
 */
export async function createFollowUp(
  ctx: Ctx,
  actor: Actor,
  number: number,
  input: { subject: string; message: string; messageFormat: "text" | "html" },
) {
  const old = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "followUp");
    const details = await trx
      .selectFrom("tickets")
      .select(["category_id", "priority", "requester_name", "auto_close_at"])
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    return { ...ticket, ...details };
  });
  const windowOpen =
    old.category === "solved" && old.auto_close_at !== null && new Date(now()) <= new Date(old.auto_close_at);
  if (!["closed", "solved"].includes(old.category) || windowOpen) {
    throw new AppError("conflict", "This request is still open: add a comment to it instead of a follow-up.");
  }
  if (!old.category_id)
    throw new AppError("conflict", "This request has no category to follow up in; submit a new request.");
  const email = actor.kind === "guest" ? actor.email : old.requester_email;
  return submitTicket(
    ctx,
    actor.kind === "guest" ? anonymous : actor,
    {
      subject: input.subject,
      message: input.message,
      messageFormat: input.messageFormat,
      priority: old.priority,
      categoryId: old.category_id,
      name: old.requester_name,
      email,
      fields: {},
    },
    [],
    { id: old.id, number: old.number },
  );
}
