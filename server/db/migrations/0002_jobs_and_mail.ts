import type { Kysely } from "kysely";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";

export function jobsAndMail(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = jsonColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("payload", json, (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("max_attempts", "integer", (c) => c.notNull())
        .addColumn("run_at", ts, (c) => c.notNull())
        .addColumn("locked_until", ts)
        .addColumn("last_error", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("finished_at", ts)
        .execute();
      // The runner's claim query: due pending jobs, and running ones whose lease ran out.
      await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "run_at"]).execute();

      await db.schema
        .createTable("mail_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("message_id", "text", (c) => c.notNull().unique())
        .addColumn("template", "text", (c) => c.notNull())
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("html_body", "text", (c) => c.notNull())
        .addColumn("headers", json, (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("sent_at", ts)
        .addColumn("transport", "text")
        .execute();
      await db.schema.createIndex("mail_messages_created").on("mail_messages").columns(["created_at", "id"]).execute();
      await db.schema.createIndex("mail_messages_to").on("mail_messages").column("to_address").execute();
    },
  };
}
