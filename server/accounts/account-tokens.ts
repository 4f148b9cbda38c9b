import type { Transaction } from "kysely";
import { AppError } from "../core/errors.ts";
import type { AccountTokenPurpose, Database } from "../db/schema.ts";
import { hashToken, newToken } from "./tokens.ts";

export const tokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  confirm_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

export function invalidLink(): AppError {
  return new AppError("validation_failed", "This link is not valid any more. Ask for a new one.", {
    token: "This link is not valid any more.",
  });
}

/** Every unused token of this purpose for the user stops working (marked used). */
export async function revokeAccountTokens(
  trx: Transaction<Database>,
  userId: string,
  purpose: AccountTokenPurpose,
  at: Date,
): Promise<void> {
  await trx
    .updateTable("account_tokens")
    .set({ used_at: at.toISOString() })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}

/** The registration a confirmation link was sent for, confirmed as it was typed when the link is followed. */
export type PendingRegistration = { name: string; passwordHash: string };

/**
 * Issues a one-time token; any older unused token of the same purpose stops working. A confirmation link
 * carries its own `registration`, so following it sets exactly the name and password of the form that sent it.
 */
export async function issueAccountToken(
  trx: Transaction<Database>,
  userId: string,
  purpose: AccountTokenPurpose,
  at: Date,
  registration?: PendingRegistration,
): Promise<string> {
  await revokeAccountTokens(trx, userId, purpose, at);
  const token = newToken();
  await trx
    .insertInto("account_tokens")
    .values({
      id: hashToken(token),
      user_id: userId,
      purpose,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + tokenLifetimeMs[purpose]).toISOString(),
      used_at: null,
      name: registration?.name ?? null,
      password_hash: registration?.passwordHash ?? null,
    })
    .execute();
  return token;
}

/** The registration the newest confirmation link of a user was sent for (none for links older than 0093). */
export async function newestRegistration(
  trx: Transaction<Database>,
  userId: string,
): Promise<PendingRegistration | undefined> {
  const newest = await trx
    .selectFrom("account_tokens")
    .select(["name", "password_hash"])
    .where("user_id", "=", userId)
    .where("purpose", "=", "confirm_email")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return newest?.name != null && newest.password_hash != null
    ? { name: newest.name, passwordHash: newest.password_hash }
    : undefined;
}

/**
 * Uses up a token: answers its user (and a confirmation link's registration), or throws the same "not valid"
 * error for unknown, used and expired ones, and for an account an admin has disabled: a link mailed before
 * neither confirms nor sets a password on it.
 */
export async function consumeAccountToken(
  trx: Transaction<Database>,
  token: string,
  purpose: AccountTokenPurpose,
  at: Date,
): Promise<{ userId: string; registration?: PendingRegistration }> {
  const consumed = await trx
    .updateTable("account_tokens")
    .set({ used_at: at.toISOString() })
    .where("id", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", at.toISOString())
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("users")
          .select("users.id")
          .whereRef("users.id", "=", "account_tokens.user_id")
          .where("users.disabled_at", "is", null),
      ),
    )
    .returning(["user_id", "name", "password_hash"])
    .executeTakeFirst();
  if (!consumed) throw invalidLink();
  return {
    userId: consumed.user_id,
    ...(consumed.name != null && consumed.password_hash != null
      ? { registration: { name: consumed.name, passwordHash: consumed.password_hash } }
      : {}),
  };
}
