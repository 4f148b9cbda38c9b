import type { Kysely } from "kysely";

/** Lists sort by "last updated" too; that order gets its index like "created" has. */
export function listIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex("tickets_updated").on("tickets").columns(["updated_at", "id"]).execute();
    },
  };
}
