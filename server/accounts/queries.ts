import type { Kysely } from "kysely";
import type { SessionUser } from "../../common/accounts.ts";
import type { Database } from "../db/schema.ts";
import { hashToken } from "./tokens.ts";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
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
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name, licence: row.licence },
  };
}
