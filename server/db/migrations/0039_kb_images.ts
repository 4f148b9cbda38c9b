import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Images placed in knowledge-base articles: uploaded by editors, stored with the attachments' storage, and
 * served at /api/v1/kb/images/<id> to whoever may read an article that shows them.
 */
export function kbImages(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("kb_images")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("storage_key", "text", (c) => c.notNull())
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("uploaded_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
    },
  };
}
