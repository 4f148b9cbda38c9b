import type { Kysely } from "kysely";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";

/**
 * Outgoing webhooks (server/webhooks/): endpoints admins register, and one row per delivery with what the
 * last attempt got back. The body is stored as the exact text sent, so a redelivery signs the same bytes.
 */
export function webhooks(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = jsonColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("webhook_endpoints")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("events", json, (c) => c.notNull())
        .addColumn("group_ids", json, (c) => c.notNull())
        .addColumn("ticket_type_ids", json, (c) => c.notNull())
        .addColumn("include_internal", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("disabled_reason", "text")
        .addColumn("disabled_at", ts)
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("webhook_deliveries")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("endpoint_id", "text", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("event_type", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("response_status", "integer")
        .addColumn("duration_ms", "integer")
        .addColumn("response_excerpt", "text")
        .addColumn("error", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("last_attempt_at", ts)
        .addColumn("next_attempt_at", ts)
        .execute();
      await db.schema
        .createIndex("webhook_deliveries_endpoint")
        .on("webhook_deliveries")
        .columns(["endpoint_id", "created_at", "id"])
        .execute();
    },
  };
}
