import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * The email channel: the mailboxes we receive for, every inbound message as
 * received (raw bytes kept, one per Message-ID and mailbox), the ticket each
 * outbound message belongs to (for threading replies), and generated secrets.
 */
export function emailChannel(engine: Engine) {
  const ts = timestampColumnType(engine);
  const bytes = engine === "postgres" ? "bytea" : "blob";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("mailboxes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("address", "text", (c) => c.notNull().unique())
        .addColumn("group_id", "text", (c) => c.references("groups.id").onDelete("set null"))
        .addColumn("category_id", "text", (c) => c.references("categories.id").onDelete("set null"))
        .addColumn("imap_host", "text")
        .addColumn("imap_port", "integer")
        .addColumn("imap_tls", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("imap_user", "text")
        .addColumn("imap_password", "text")
        .addColumn("imap_folder", "text", (c) => c.notNull().defaultTo("INBOX"))
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("last_polled_at", ts)
        .addColumn("last_error", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("inbound_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("mailbox_id", "text", (c) => c.notNull().references("mailboxes.id"))
        .addColumn("message_id", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("envelope_from", "text")
        .addColumn("raw", bytes, (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("detail", "text")
        .addColumn("from_address", "text")
        .addColumn("subject", "text")
        .addColumn("ticket_id", "text", (c) => c.references("tickets.id").onDelete("set null"))
        .addColumn("received_at", ts, (c) => c.notNull())
        .addColumn("processed_at", ts)
        // The same message delivered twice (a retried SMTP session, a poll after a crash) is stored once.
        .addUniqueConstraint("inbound_messages_mailbox_message", ["mailbox_id", "message_id"])
        .execute();
      await db.schema
        .createIndex("inbound_messages_status")
        .on("inbound_messages")
        .columns(["status", "received_at", "id"])
        .execute();
      await db.schema.createIndex("inbound_messages_message_id").on("inbound_messages").column("message_id").execute();
      await db.schema.createIndex("inbound_messages_ticket").on("inbound_messages").column("ticket_id").execute();

      await db.schema
        .alterTable("mail_messages")
        .addColumn("ticket_id", "text", (c) => c.references("tickets.id").onDelete("set null"))
        .execute();

      await db.schema
        .createTable("mail_secrets")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
    },
  };
}
