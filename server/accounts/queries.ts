import type { Kysely } from "kysely";
import type { SessionUser } from "../../common/accounts.ts";
import { type ApiTokenScope, parseScopes } from "../../common/admin.ts";
import type { Database } from "../db/schema.ts";
import { loadPermissions } from "./permissions.ts";
import { hashToken } from "./tokens.ts";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function toSessionUser(
  db: Kysely<Database>,
  user: Pick<SessionUser, "id" | "email" | "name" | "licence">,
): Promise<SessionUser> {
  return { ...user, permissions: await loadPermissions(db, user.id, user.licence) };
}

export type SessionRecord = { sessionId: string; csrfToken: string; user: SessionUser };

/** The live session behind a cookie token: unexpired, and its user not disabled. */
export async function findSession(db: Kysely<Database>, token: string, at: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.csrf_token as csrfToken",
      "users.id",
      "users.email",
      "users.name",
      "users.licence",
    ])
    .where("sessions.id", "=", hashToken(token))
    .where("sessions.expires_at", ">", at)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sessionId, csrfToken, ...user } = row;
  return { sessionId, csrfToken, user: await toSessionUser(db, user) };
}

export type GuestSessionRecord = {
  sessionId: string;
  csrfToken: string;
  ticketId: string;
  ticketNumber: number;
  email: string;
  name: string;
};

/**
 * The guest sessions that still hold: unexpired, and the guest still the ticket's requester or copied on it (a
 * changed requester or a removed CC ends them). Requests and open live streams both ask this one question.
 */
export function heldGuestSessions(db: Kysely<Database>, at: string) {
  return db
    .selectFrom("guest_sessions")
    .innerJoin("tickets", "tickets.id", "guest_sessions.ticket_id")
    .where("guest_sessions.expires_at", ">", at)
    .where((eb) =>
      eb.or([
        eb("tickets.requester_email", "=", eb.ref("guest_sessions.email")),
        eb.exists(
          eb
            .selectFrom("ticket_ccs")
            .select("ticket_ccs.email")
            .whereRef("ticket_ccs.ticket_id", "=", "tickets.id")
            .whereRef("ticket_ccs.email", "=", "guest_sessions.email"),
        ),
      ]),
    );
}

export async function findGuestSession(
  db: Kysely<Database>,
  token: string,
  at: string,
): Promise<GuestSessionRecord | undefined> {
  return heldGuestSessions(db, at)
    .select([
      "guest_sessions.id as sessionId",
      "guest_sessions.csrf_token as csrfToken",
      "guest_sessions.ticket_id as ticketId",
      "tickets.number as ticketNumber",
      "guest_sessions.email",
      // The requester is named as they named themselves; a copied guest by their address.
      (eb) =>
        eb
          .case()
          .when("tickets.requester_email", "=", eb.ref("guest_sessions.email"))
          .then(eb.ref("tickets.requester_name"))
          .else(eb.ref("guest_sessions.email"))
          .end()
          .as("name"),
    ])
    .where("guest_sessions.id", "=", hashToken(token))
    .executeTakeFirst();
}

/** The user behind a bearer API token, if the token is live and the user enabled. */
export type ApiTokenHolder = { tokenId: string; user: SessionUser; scopes: ApiTokenScope[] };

/** The user a live bearer token acts as, with what the token may do; "expired" once its time is up. */
export async function findApiTokenUser(
  db: Kysely<Database>,
  token: string,
): Promise<ApiTokenHolder | "expired" | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id as tokenId",
      "api_tokens.scopes",
      "api_tokens.expires_at",
      "users.id",
      "users.email",
      "users.name",
      "users.licence",
    ])
    .where("api_tokens.token_hash", "=", hashToken(token))
    .where("api_tokens.revoked_at", "is", null)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const at = new Date().toISOString();
  if (row.expires_at !== null && row.expires_at <= at) return "expired";
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", row.tokenId).execute();
  const { tokenId, scopes, expires_at: _expires, ...user } = row;
  return { tokenId, user: await toSessionUser(db, user), scopes: parseScopes(scopes) };
}
