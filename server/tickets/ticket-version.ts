/**
 * A ticket's version, for ETag and If-Match (docs/api.md, "Concurrency"). Every change to a ticket records an
 * event in the same transaction, so the number of its events and the newest one's id name its state: any
 * write moves the version on. `updated_at` is folded in too, for the few edits that touch only the row.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { type Engine, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { ticketScope } from "./policy.ts";
import { noteTicketLocked } from "./ticket-lock.ts";

/** What an If-Match header asks for: any current version (`*`), or one of these. */
export type ExpectedVersion = "any" | readonly string[];

export async function ticketVersion(db: Kysely<Database> | Transaction<Database>, ticketId: string): Promise<string> {
  const row = await db
    .selectFrom("tickets")
    // Someone opening the ticket (a "viewed" event, for Read By) changes nothing an edit could overwrite.
    .leftJoin("ticket_events", (join) =>
      join.onRef("ticket_events.ticket_id", "=", "tickets.id").on("ticket_events.type", "!=", "viewed"),
    )
    .select((eb) => [
      "tickets.updated_at",
      eb.fn.count<number>("ticket_events.id").as("events"),
      eb.fn.max("ticket_events.id").as("newest"),
    ])
    .where("tickets.id", "=", ticketId)
    .groupBy(["tickets.id", "tickets.updated_at"])
    .executeTakeFirstOrThrow();
  return createHash("sha256")
    .update(`${row.updated_at}|${Number(row.events)}|${row.newest ?? ""}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * Refuses with 412 when the ticket the actor may see has moved past every version they expected. Runs first
 * in the writing transaction, with the ticket's row locked on PostgreSQL (SQLite runs one writer at a time),
 * so no other write can slip in between the check and the change. A ticket out of reach is left for the
 * command to refuse as "not found".
 */
export async function requireTicketVersion(
  trx: Transaction<Database>,
  engine: Engine,
  actor: Actor,
  number: number,
  expected: ExpectedVersion,
): Promise<void> {
  let query = trx.selectFrom("tickets").select("id").where(ticketScope(actor)).where("tickets.number", "=", number);
  if (supportsRowLocks(engine)) query = query.forUpdate();
  const ticket = await query.executeTakeFirst();
  if (ticket && supportsRowLocks(engine)) noteTicketLocked(trx, ticket.id);
  if (!ticket || expected === "any") return;
  if (!expected.includes(await ticketVersion(trx, ticket.id))) {
    throw new AppError(
      "precondition_failed",
      "This ticket changed since you read it. Read it again (GET) for its new ETag, then repeat your change.",
    );
  }
}

/** The version of the ticket the actor may see by that number, for the ETag of an answer; undefined when out of reach. */
export async function visibleTicketVersion(
  db: Kysely<Database>,
  actor: Actor,
  number: number,
): Promise<string | undefined> {
  const ticket = await db
    .selectFrom("tickets")
    .select("id")
    .where(ticketScope(actor))
    .where("tickets.number", "=", number)
    .executeTakeFirst();
  return ticket ? ticketVersion(db, ticket.id) : undefined;
}
