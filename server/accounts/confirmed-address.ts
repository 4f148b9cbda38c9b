import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Whether the owner of this address has ever proven they read its mail: a
 * confirmed account, or an access link mailed to it that was used. Mail to
 * other addresses carries nothing a stranger could have chosen.
 */
export async function addressHasConfirmed(
  db: Kysely<Database> | Transaction<Database>,
  email: string,
): Promise<boolean> {
  const account = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .where("email_confirmed_at", "is not", null)
    .executeTakeFirst();
  if (account) return true;
  const usedLink = await db
    .selectFrom("guest_links")
    .select("id")
    .where("email", "=", email)
    .where("used_at", "is not", null)
    .executeTakeFirst();
  return usedLink !== undefined;
}

/**
 * An account's name as its mail may greet it: only once the address is confirmed. Before that the name is
 * whatever someone typed when registering an address that may not be theirs.
 */
export function nameIfConfirmed(user: { name: string; email_confirmed_at: string | null }): string | null {
  return user.email_confirmed_at === null ? null : user.name;
}
