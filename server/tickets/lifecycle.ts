/**
 * The steps every lifecycle command shares: loading the ticket the actor may
 * change and moving it to another status.
 */
import type { Transaction } from "kysely";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Actor } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import { engineOf, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { type EventActor, type ReactionContext, recordEvent } from "./events.ts";
import { refusal, standingOn, type TicketAction, type TicketStanding, ticketScope } from "./policy.ts";
import { noteTicketLocked } from "./ticket-lock.ts";

export type LoadedTicket = {
  id: string;
  number: number;
  subject: string;
  requester_email: string;
  requester_id: string | null;
  status_id: string;
  category: StatusCategory;
  solved_at: string | null;
  /** 1 when the ticket's (closed) status lets the customer reopen it by replying. */
  customers_may_reopen?: number;
};

export function actorName(actor: Actor): EventActor {
  if (actor.kind === "user") return { id: actor.user.id, name: actor.user.name, email: actor.user.email };
  if (actor.kind === "guest") return { id: null, name: actor.name, email: actor.email };
  // No person: the help desk itself acting on a schedule (auto-close after the reopen window).
  return { id: null, name: "Switchboard (automatic)" };
}

/**
 * The ticket, through the actor's scope (`ticketScope`: out of reach reads as
 * "not found"), for one action the ticket policy must allow (`refusal`: a
 * ticket they see but may not change this way is "forbidden", with the rule
 * that applies). Every command that changes a ticket loads it here, so no
 * write can skip the policy. A change takes the ticket's row lock with this read (ticket-lock.ts), so two
 * changes to one ticket run one after the other; a `check` (a route refusing early, a read) takes none.
 */
export async function loadTicket(
  trx: Transaction<Database>,
  actor: Actor,
  number: number,
  action: TicketAction,
  purpose: "change" | "check" = "change",
): Promise<LoadedTicket & { standing: TicketStanding }> {
  if (purpose === "change" && supportsRowLocks(engineOf(trx))) {
    // The row lock is taken by a read of the ticket alone, before the read below joins its status. A change
    // that waited for another one re-reads only the locked row: had it joined the status, a status changed
    // meanwhile would match the join no more, and the ticket would vanish as "not found" (two agents, one
    // solving, one commenting: the comment was refused). The read below then sees what the other committed.
    const locked = await trx
      .selectFrom("tickets")
      .select("tickets.id")
      .where(ticketScope(actor))
      .where("tickets.number", "=", number)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound("That ticket");
    noteTicketLocked(trx, locked.id);
  }
  const ticket = await trx
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select([
      "tickets.id",
      "tickets.number",
      "tickets.subject",
      "tickets.requester_email",
      "tickets.requester_id",
      "tickets.status_id",
      "tickets.solved_at",
      "tickets.group_id",
      "tickets.assignee_id",
      "statuses.category",
      "statuses.customers_may_reopen",
    ])
    .where(ticketScope(actor))
    .where("tickets.number", "=", number)
    .executeTakeFirst();
  if (!ticket) throw notFound("That ticket");
  const standing = await standingOn(trx, actor, ticket);
  const refused = refusal(actor, standing, action);
  if (refused !== null) throw new AppError("forbidden", refused);
  return { ...ticket, standing };
}

export async function firstStatusIn(trx: Transaction<Database>, category: StatusCategory) {
  return trx
    .selectFrom("statuses")
    .select(["id", "customer_label"])
    .where("category", "=", category)
    .orderBy("position")
    .executeTakeFirst();
}

/**
 * Moves the ticket and records the change; its reactions pause or resume the
 * service level clock, fire alerts and tell requester and CCs what customers now see.
 */
export async function moveToStatus(
  trx: Transaction<Database>,
  config: ReactionContext["config"],
  actor: Actor,
  ticket: LoadedTicket,
  to: { id: string; category?: StatusCategory },
  reason: string,
  at: string,
  extra: { withdrawReason?: string; withdrawReasonId?: string; macro?: string } = {},
): Promise<void> {
  const category =
    to.category ??
    (await trx.selectFrom("statuses").select("category").where("id", "=", to.id).executeTakeFirstOrThrow()).category;
  await trx
    .updateTable("tickets")
    .set({
      status_id: to.id,
      updated_at: at,
      solved_at: category === "solved" ? at : category === "closed" ? ticket.solved_at : null,
    })
    .where("id", "=", ticket.id)
    .execute();
  await recordEvent(
    trx,
    { config },
    {
      ticketId: ticket.id,
      type: "status_changed",
      actor: actorName(actor),
      visibility: "public",
      payload: { from: ticket.status_id, to: to.id, reason, ...extra },
      at,
    },
  );
}

/** When the reopen window of a solved ticket ends (null if it is not solved): the time it closes on its own. */
export async function reopenWindowEnds(trx: Transaction<Database>, ticketId: string): Promise<Date | null> {
  const row = await trx.selectFrom("tickets").select("auto_close_at").where("id", "=", ticketId).executeTakeFirst();
  return row?.auto_close_at ? new Date(row.auto_close_at) : null;
}
