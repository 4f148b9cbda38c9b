/**
 * The ticket a URL names, as the actor may see it. Routes call this instead
 * of querying: the number is parsed, the ticket is looked up through the
 * actor's scope, and anything else — not a number, no such ticket, one out
 * of reach — is "not found", so existence does not leak.
 */
import type { Kysely } from "kysely";
import type { Actor } from "../core/actor.ts";
import { notFound } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";
import { loadTicket } from "./lifecycle.ts";
import { type TicketAction, ticketScope } from "./policy.ts";

/** Ticket numbers arrive as text so that one that is not a number answers "not found" like a missing ticket. */
export function parseNumber(raw: string): number | undefined {
  const number = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  return number <= 2 ** 31 - 1 ? number : undefined;
}

/** The ticket's number, or "not found" when the text is not one. */
export function ticketNumber(raw: string): number {
  const number = parseNumber(raw);
  if (number === undefined) throw notFound("That ticket");
  return number;
}

/** The id and number of the ticket the actor names, through their scope; "not found" outside it. */
export async function visibleTicket(
  db: Kysely<Database>,
  actor: Actor,
  raw: string,
): Promise<{ id: string; number: number }> {
  const number = parseNumber(raw);
  const ticket =
    number === undefined
      ? undefined
      : await db
          .selectFrom("tickets")
          .select(["id", "number"])
          .where(ticketScope(actor))
          .where("number", "=", number)
          .executeTakeFirst();
  if (!ticket) throw notFound("That ticket");
  return ticket;
}

/**
 * Refuses, before a route reads an upload or does any other work, an action
 * the actor may not take on the ticket: "not found" outside their scope,
 * "forbidden" (with the rule) where the ticket policy says no. The command
 * checks again in its own transaction.
 */
export async function checkTicketAction(
  db: Kysely<Database>,
  actor: Actor,
  number: number,
  action: TicketAction,
): Promise<void> {
  await db.transaction().execute((trx) => loadTicket(trx, actor, number, action, "check"));
}

/** The reasons a requester may give for withdrawing, in the admin's order. */
export function listWithdrawReasons(db: Kysely<Database>) {
  return db.selectFrom("withdraw_reasons").select(["id", "label"]).orderBy("position").execute();
}
