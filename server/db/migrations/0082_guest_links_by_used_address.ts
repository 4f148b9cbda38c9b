import { type Kysely, sql } from "kysely";

/**
 * Every guest submission asks whether its address has ever used an access link (server/accounts/confirmed-address.ts:
 * only then does the confirmation mail carry the request's text). `guest_links` was indexed by ticket only, so
 * that question read the whole table, on both engines: a cost that grew with every link issued in the weeks the
 * cleanup job keeps them. A partial index on the used links' addresses answers it directly and stays as small
 * as the links that were used. Same definition on both engines.
 */
export function guestLinksByUsedAddress() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index guest_links_used_email on guest_links (email) where used_at is not null`.execute(db);
    },
  };
}
