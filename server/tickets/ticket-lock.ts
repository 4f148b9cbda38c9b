/**
 * One writer per ticket at a time. PostgreSQL runs transactions side by side, and at READ COMMITTED each reads
 * the others' unfinished work as not done: two agents ticking off a ticket's last two tasks at once each counted
 * the other's task as open, and "All tasks complete" fired for neither. So every change takes the ticket's row
 * lock (`for update`) before it reads what it will change (`loadTicket`, `requireTicketVersion`) or, for writers
 * that come in another way (mail, jobs, erasure), before the first event's reactions read the ticket
 * (`recordEvent`). The one that waits then reads what the other committed. SQLite runs one writer at a time.
 *
 * Each transaction remembers the tickets it holds, so a change that already took the row pays no second statement.
 */
import type { Transaction } from "kysely";
import { engineOf, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

const held = new WeakMap<Transaction<Database>, Set<string>>();

/** Notes that the transaction holds the ticket's row: it locked it with its own read, or inserted it. */
export function noteTicketLocked(trx: Transaction<Database>, ticketId: string): void {
  const tickets = held.get(trx);
  if (tickets) tickets.add(ticketId);
  else held.set(trx, new Set([ticketId]));
}

/** Takes the ticket's row lock, unless this transaction holds it already or the engine has one writer. */
export async function lockTicket(trx: Transaction<Database>, ticketId: string): Promise<void> {
  if (held.get(trx)?.has(ticketId) || !supportsRowLocks(engineOf(trx))) return;
  await trx.selectFrom("tickets").select("id").where("id", "=", ticketId).forUpdate().execute();
  noteTicketLocked(trx, ticketId);
}
