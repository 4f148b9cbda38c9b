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

/** Issues a one-time token; any older unused token of the same purpose stops working. */
export async function issueAccountToken(
  trx: Transaction<Database>,
  userId: string,
  purpose: AccountTokenPurpose,
  at: Date,
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
    })
    .execute();
  return token;
}

/** Uses up a token: answers its user, or throws the same "not valid" error for unknown, used and expired ones. */
export async function consumeAccountToken(
  trx: Transaction<Database>,
  token: string,
  purpose: AccountTokenPurpose,
  at: Date,
): Promise<string> {
  const consumed = await trx
    .updateTable("account_tokens")
    .set({ used_at: at.toISOString() })
    .where("id", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", at.toISOString())
    .returning("user_id")
    .executeTakeFirst();
  if (!consumed) throw invalidLink();
  return consumed.user_id;
}
