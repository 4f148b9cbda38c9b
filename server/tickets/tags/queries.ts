import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** The ticket's tags, alphabetically. */
export async function listTags(db: Kysely<Database>, ticketId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("ticket_tags")
    .select("tag")
    .where("ticket_id", "=", ticketId)
    .orderBy("tag")
    .execute();
  return rows.map((r) => r.tag);
}
