import type { Kysely } from "kysely";

/**
 * A confirmation link carries the registration it was sent for: the name and password hash typed in the form
 * that sent it. Before, the account row kept the first registration's, so when an address registered twice
 * before confirming, the owner of the mailbox confirmed a password someone else had chosen (an account taken
 * over before it existed). Links sent before this migration carry nothing (null) and confirm the account as
 * it stands, as they did.
 */
export function registrationPerLink() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("account_tokens").addColumn("name", "text").execute();
      await db.schema.alterTable("account_tokens").addColumn("password_hash", "text").execute();
    },
  };
}
