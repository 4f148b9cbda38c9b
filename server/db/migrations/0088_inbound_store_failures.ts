import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Messages the IMAP poller fetched but could not store (the database refused a value, a bug on one odd
 * message): how often it tried, and the last error. Before, such a message stopped the poll where it stood,
 * on every poll, so all mail behind it waited and nobody was told. Now the poll goes past it, tries it again
 * on the next polls, and after a few tries keeps it as a quarantined inbound message (`quarantined_id`).
 * Keyed by the sha256 of the raw bytes: no value read from the message itself is needed to count its tries.
 */
export function inboundStoreFailures(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("inbound_store_failures")
        .addColumn("mailbox_id", "text", (c) => c.notNull().references("mailboxes.id").onDelete("cascade"))
        .addColumn("raw_hash", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("last_error", "text", (c) => c.notNull())
        .addColumn("first_failed_at", ts, (c) => c.notNull())
        .addColumn("last_failed_at", ts, (c) => c.notNull())
        .addColumn("quarantined_id", "text", (c) => c.references("inbound_messages.id"))
        .addPrimaryKeyConstraint("inbound_store_failures_pk", ["mailbox_id", "raw_hash"])
        .execute();
      await db.schema
        .createIndex("inbound_store_failures_quarantined")
        .on("inbound_store_failures")
        .column("quarantined_id")
        .execute();
    },
  };
}
