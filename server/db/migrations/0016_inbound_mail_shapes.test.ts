import { sql } from "kysely";
import { describe, expect } from "vitest";
import { contentHash } from "../../mail/inbound/raw-message.ts";
import { storeInbound } from "../../mail/inbound/store.ts";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

const raw = Buffer.from(
  "From: Old Mail <old@example.com>\r\nTo: help@support.example\r\nSubject: Stored before the upgrade\r\nMessage-ID: <old-1@example.com>\r\n\r\nKept.\r\n",
);

describe("migration 0016: inbound mail kept per Message-ID and content", () => {
  itFromMigration(
    "keeps mail stored before it, hashes it, and recognises its redelivery as a duplicate",
    "0012_macro_assignment",
    async (db, engine) => {
      const at = new Date().toISOString();
      await sql`insert into mailboxes (id, name, address, imap_tls, imap_folder, active, created_at, updated_at)
      values ('mb-1', 'Help', 'help@support.example', 1, 'INBOX', 1, ${at}, ${at})`.execute(db);
      await sql`insert into inbound_messages (id, mailbox_id, message_id, source, envelope_from, raw, size, status, received_at)
      values ('old-1', 'mb-1', '<old-1@example.com>', 'smtp', null, ${raw}, ${raw.length}, 'processed', ${at})`.execute(
        db,
      );

      await migrateToLatest(db, engine);
      const row = await db
        .selectFrom("inbound_messages")
        .selectAll()
        .where("id", "=", "old-1")
        .executeTakeFirstOrThrow();
      expect(Buffer.from(row.raw).toString()).toContain("Kept.");
      expect(row.content_hash).toBe(contentHash(raw));
      const again = await storeInbound(db, { mailboxId: "mb-1", raw, source: "smtp", envelopeFrom: null });
      expect(again).toMatchObject({ duplicate: true, originalId: "old-1" });
    },
  );
});
