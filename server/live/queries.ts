import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { TicketScope } from "../tickets/policy.ts";

export type RecentEvent = {
  id: string;
  ticketId: string;
  number: number;
  type: string;
  visibility: string;
  actorId: string | null;
  actorName: string;
  at: string;
};

/**
 * Events whose id is above `floorId`, oldest first. Ids are UUIDv7, so this is a
 * range scan of the primary key; payloads are not read, the stream never carries them.
 */
export async function eventsAfter(db: Kysely<Database>, floorId: string, limit: number): Promise<RecentEvent[]> {
  const rows = await db
    .selectFrom("ticket_events")
    .innerJoin("tickets", "tickets.id", "ticket_events.ticket_id")
    .select([
      "ticket_events.id",
      "ticket_events.ticket_id",
      "tickets.number",
      "ticket_events.type",
      "ticket_events.visibility",
      "ticket_events.actor_id",
      "ticket_events.actor_name",
      "ticket_events.created_at",
    ])
    .where("ticket_events.id", ">", floorId)
    .orderBy("ticket_events.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    number: r.number,
    type: r.type,
    visibility: r.visibility,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.created_at,
  }));
}

/** Which of these tickets the scope lets through. */
export async function visibleTicketIds(
  db: Kysely<Database>,
  scope: TicketScope,
  ticketIds: readonly string[],
): Promise<Set<string>> {
  if (ticketIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("tickets")
    .select("tickets.id")
    .where(scope)
    .where("tickets.id", "in", [...ticketIds])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** One ticket by number, if the scope lets it through. */
export async function findVisibleTicket(db: Kysely<Database>, scope: TicketScope, number: number) {
  return db
    .selectFrom("tickets")
    .select(["tickets.id", "tickets.number"])
    .where(scope)
    .where("tickets.number", "=", number)
    .executeTakeFirst();
}
