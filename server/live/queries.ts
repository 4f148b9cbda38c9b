import type { Kysely } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import { effectivePermissions } from "../../common/permissions.ts";
import { heldGuestSessions } from "../accounts/queries.ts";
import { decodeJson } from "../db/engine.ts";
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

/**
 * Which of these sessions and API tokens are still good: unexpired (and tokens unrevoked), and (for users) the
 * user not disabled since.
 */
export async function liveSessionIds(
  db: Kysely<Database>,
  ids: { users: readonly string[]; guests: readonly string[]; apiTokens: readonly string[] },
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
    // Like a request: a guest no longer on the ticket (a removed CC) has lost it.
    const rows = await heldGuestSessions(db, at)
      .select("guest_sessions.id")
      .where("guest_sessions.id", "in", [...ids.guests])
      .execute();
    for (const row of rows) live.add(row.id);
  }
  if (ids.apiTokens.length > 0) {
    const rows = await db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select("api_tokens.id")
      .where("api_tokens.id", "in", [...ids.apiTokens])
      .where("api_tokens.revoked_at", "is", null)
      .where((eb) => eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", at)]))
      .where("users.disabled_at", "is", null)
      .execute();
    for (const row of rows) live.add(row.id);
  }
  return live;
}

/**
 * What these users may do now: their licence and the permissions their roles
 * grant today (null for a disabled or deleted user). Open streams compare
 * this with what they were opened with.
 */
export async function currentPermissions(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, { licence: Licence; permissions: string } | null>> {
  const result = new Map<string, { licence: Licence; permissions: string } | null>(userIds.map((id) => [id, null]));
  if (userIds.length === 0) return result;
  const [users, grants] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "licence"])
      .where("id", "in", [...userIds])
      .where("disabled_at", "is", null)
      .execute(),
    db
      .selectFrom("user_roles")
      .innerJoin("roles", "roles.id", "user_roles.role_id")
      .select(["user_roles.user_id", "roles.permissions"])
      .where("user_roles.user_id", "in", [...userIds])
      .execute(),
  ]);
  for (const user of users) {
    const granted = grants
      .filter((g) => g.user_id === user.id)
      .flatMap((g) => {
        const value = decodeJson(g.permissions);
        return Array.isArray(value) ? value.filter((p): p is string => typeof p === "string") : [];
      });
    result.set(user.id, { licence: user.licence, permissions: effectivePermissions(user.licence, granted).join(",") });
  }
  return result;
}
