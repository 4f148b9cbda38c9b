import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 17: standalone uploads. A file sent on its own waits here, under a token only its uploader can use,
 * until a ticket or comment names the token (it becomes an attachment) or it expires (a job removes it).
 */
export function uploads(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("uploads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("uploader_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("uploads_expires_at").on("uploads").column("expires_at").execute();
    },
  };
}
