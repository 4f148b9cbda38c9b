import { type Kysely, sql } from "kysely";
import { contentHash } from "../../mail/inbound/raw-message.ts";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Mail as it really arrives. Broken mailers and copies reuse a Message-ID for
 * different mail, so the store is no longer unique per Message-ID: it is
 * unique per Message-ID and content hash among originals, and a true
 * duplicate gets a row of its own that points at the original
 * (`duplicate_of`), so every message that got a 250 is visible. Mailboxes
 * gain a list of senders whose auto-generated mail (monitoring, ITSM) opens
 * tickets.
 */
export function inboundMailShapes(engine: Engine) {
  const ts = timestampColumnType(engine);
  const bytes = engine === "postgres" ? "bytea" : "blob";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === "postgres") {
        await sql`alter table inbound_messages drop constraint inbound_messages_mailbox_message`.execute(db);
        await db.schema.alterTable("inbound_messages").addColumn("content_hash", "text").execute();
        await db.schema
          .alterTable("inbound_messages")
          .addColumn("duplicate_of", "text", (c) => c.references("inbound_messages.id"))
          .execute();
      } else {
        // SQLite cannot drop a table constraint: rebuild the table with the new columns.
        await db.schema
          .createTable("inbound_messages_next")
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
          .addColumn("content_hash", "text")
          .addColumn("duplicate_of", "text", (c) => c.references("inbound_messages.id"))
          .execute();
        await sql`insert into inbound_messages_next (id, mailbox_id, message_id, source, envelope_from, raw, size, status, reason, detail, from_address, subject, ticket_id, received_at, processed_at)
          select id, mailbox_id, message_id, source, envelope_from, raw, size, status, reason, detail, from_address, subject, ticket_id, received_at, processed_at from inbound_messages`.execute(
          db,
        );
        await db.schema.dropTable("inbound_messages").execute();
        await db.schema.alterTable("inbound_messages_next").renameTo("inbound_messages").execute();
        await db.schema
          .createIndex("inbound_messages_status")
          .on("inbound_messages")
          .columns(["status", "received_at", "id"])
          .execute();
        await db.schema
          .createIndex("inbound_messages_message_id")
          .on("inbound_messages")
          .column("message_id")
          .execute();
        await db.schema.createIndex("inbound_messages_ticket").on("inbound_messages").column("ticket_id").execute();
      }
      await backfillContentHashes(db);
      // One original per mailbox, Message-ID and content: a redelivery finds it and is recorded as a duplicate.
      await db.schema
        .createIndex("inbound_messages_original")
        .on("inbound_messages")
        .columns(["mailbox_id", "message_id", "content_hash"])
        .unique()
        .where(sql.ref("duplicate_of"), "is", null)
        .execute();

      await db.schema.alterTable("mailboxes").addColumn("accept_auto_from", "text").execute();
    },
  };
}

/** The same hash the store computes (raw-message.ts), for mail stored before this migration. */
async function backfillContentHashes(db: Kysely<unknown>): Promise<void> {
  let after = "";
  for (;;) {
    const rows = await sql<{ id: string; raw: Uint8Array }>`
      select id, raw from inbound_messages where id > ${after} order by id limit 200`.execute(db);
    if (rows.rows.length === 0) return;
    for (const row of rows.rows) {
      await sql`update inbound_messages set content_hash = ${contentHash(Buffer.from(row.raw))} where id = ${row.id}`.execute(
        db,
      );
      after = row.id;
    }
  }
}
