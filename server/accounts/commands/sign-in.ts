import type { Kysely } from "kysely";
import type { SessionUser, SignIn } from "../../../common/accounts.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { verifyPassword } from "../passwords.ts";
import { findUserByEmail, toSessionUser } from "../queries.ts";
import { hashToken, newToken } from "../tokens.ts";

export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export type SignedIn = { token: string; csrfToken: string; user: SessionUser; expiresAt: Date };

/**
 * Checks the password and opens a brand-new session (a fresh id on every
 * sign-in, so a planted cookie never becomes an authenticated one).
 * Unknown email, wrong password and disabled account get the same answer.
 */
export async function signIn(db: Kysely<Database>, input: SignIn): Promise<SignedIn> {
  const user = await findUserByEmail(db, input.email);
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordMatches || user.disabled_at) {
    throw new AppError("invalid_credentials", "That email and password do not match an account.");
  }
  if (!user.email_confirmed_at) {
    throw new AppError(
      "email_unconfirmed",
      "Confirm your email address first: follow the link we sent you, or ask for a new one.",
    );
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return {
    token,
    csrfToken,
    expiresAt,
    user: await toSessionUser(db, user),
  };
}

export async function signOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** An access-link guest signs out: their session ends, the link's ticket stays theirs to open again by mail. */
export async function endGuestSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("guest_sessions").where("id", "=", sessionId).execute();
}
