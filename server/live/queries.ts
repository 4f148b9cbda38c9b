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

/** Which of these sessions are still good: unexpired, and (for users) the user not disabled since. */
export async function liveSessionIds(
  db: Kysely<Database>,
  ids: { users: readonly string[]; guests: readonly string[] },
  at: string,
): Promise<Set<string>> {
  const live = new Set<string>();
  if (ids.users.length > 0) {
    const rows = await db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select("sessions.id")
      .where("sessions.id", "in", [...ids.users])
      .where("sessions.expires_at", ">", at)
      .where("users.disabled_at", "is", null)
      .execute();
    for (const row of rows) live.add(row.id);
  }
  if (ids.guests.length > 0) {
    const rows = await db
      .selectFrom("guest_sessions")
      .select("guest_sessions.id")
      .where("guest_sessions.id", "in", [...ids.guests])
      .where("guest_sessions.expires_at", ">", at)
      .execute();
    for (const row of rows) live.add(row.id);
  }
  return live;
}
