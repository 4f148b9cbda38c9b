import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, describe, expect, it } from "vitest";
import { contentHash } from "../../mail/inbound/raw-message.ts";
import { storeInbound } from "../../mail/inbound/store.ts";
import { createBlankDatabase, isPostgresReachable } from "../../test/engines.ts";
import type { Engine } from "../engine.ts";
import { migrateToLatest, migrations } from "../migrate.ts";
import type { Database } from "../schema.ts";

const raw = Buffer.from(
  "From: Old Mail <old@example.com>\r\nTo: help@support.example\r\nSubject: Stored before the upgrade\r\nMessage-ID: <old-1@example.com>\r\n\r\nKept.\r\n",
);

describe("migration 0016: inbound mail kept per Message-ID and content", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function blank(engine: Engine): Promise<Kysely<Database>> {
    const scratch = await createBlankDatabase(engine);
    cleanups.push(scratch.drop);
    return scratch.db;
  }

  for (const engine of ["sqlite", "postgres"] as const) {
    it(`keeps mail stored before it, hashes it, and recognises its redelivery as a duplicate (${engine})`, async () => {
      if (engine === "postgres" && !(await isPostgresReachable())) {
        // Locally without PostgreSQL the engine is skipped, as everywhere; CI always has it.
        if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
        return;
      }
      const db = await blank(engine);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
      const before = await migrator.migrateTo("0012_macro_assignment");
      expect(before.error).toBeUndefined();
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
    });
  }
});
