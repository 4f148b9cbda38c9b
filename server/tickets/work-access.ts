/** What the agent tools (tasks, links, merge, macros) share: only agents who work tickets, only tickets they see. */
import type { Transaction } from "kysely";
import { type Actor, hasPermission } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";
import { type LoadedTicket, loadTicket } from "./lifecycle.ts";

/** Refuses before any lookup, so people who are not agents learn nothing about tickets from these routes. */
export function requireWork(actor: Actor): void {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to work on tickets.");
  if (!hasPermission(actor, "tickets.work")) throw new AppError("forbidden", "Only agents can do this.");
}

/** Ticket numbers arrive as text so that one that is not a number answers "not found" like a missing ticket. */
export function parseTicketNumber(raw: string): number {
  const number = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(number <= 2 ** 31 - 1)) throw notFound("That ticket");
  return number;
}

/** The ticket, through the actor's scope (`ticketScope`), for an agent who works tickets (`loadTicket`'s purpose). */
export async function loadWorkableTicket(
  trx: Transaction<Database>,
  actor: Actor,
  number: number,
  purpose: "change" | "check" = "change",
): Promise<LoadedTicket> {
  requireWork(actor);
  return loadTicket(trx, actor, number, "work", purpose);
}
