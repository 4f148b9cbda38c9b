import type { Kysely } from "kysely";

/**
 * Issue 20: the language a request was submitted in, so mail to a guest (who has no profile) is in the
 * language they wrote to us in. Null for tickets from before, and from channels without one (mail).
 */
export function ticketLocale() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("tickets").addColumn("locale", "text").execute();
    },
  };
}
