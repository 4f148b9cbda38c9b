/**
 * The IMAP poller against a real Dovecot started for this file on
 * 127.0.0.1. With CI=true these tests never skip; elsewhere they skip only
 * when Dovecot is not installed (apt-get install dovecot-imapd).
 */
import { randomBytes } from "node:crypto";
import type { ImapFlow } from "imapflow";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCategories } from "../../bootstrap.ts";
import { createJobRunner } from "../../jobs/runner.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { testConfig } from "../../test/factories.ts";
import { inboundMailHandler } from "./handler.ts";
import { createImapPoller, pollMailbox, storedKeyword } from "./imap-poller.ts";
import { secretBoxFromKey } from "./oauth/secret-box.ts";
import { requeueInbound } from "./store.ts";
import { storeAttempts } from "./store-failures.ts";
import {
  appendToInbox,
  createTestMailbox,
  dovecotBinary,
  startTestImapServer,
  type TestImapServer,
  withImapClient,
} from "./test-dovecot.ts";
import { fixture, seedTicket } from "./test-support.ts";

const binary = dovecotBinary();

describe.skipIf(binary === undefined && process.env.CI !== "true")("IMAP polling against Dovecot", () => {
  describeEachEngine("the IMAP poller", ({ db, engine }) => {
    const config = testConfig();
    const box = secretBoxFromKey(randomBytes(32));
    let imap: TestImapServer;
    let mailboxId = "";

    beforeAll(async () => {
      if (!binary) throw new Error("Dovecot is not installed: apt-get install dovecot-imapd");
      imap = await startTestImapServer(binary);
      await ensureCategories(db());
      mailboxId = await createTestMailbox(db(), imap);
    });
    afterAll(async () => {
      await imap?.stop();
    });

    const mailbox = () =>
      db().selectFrom("mailboxes").selectAll().where("id", "=", mailboxId).executeTakeFirstOrThrow();
    const poll = async (afterStore?: (uid: number) => Promise<void>) =>
      pollMailbox(db(), await mailbox(), { maxBytes: 100 * 1024, ...(afterStore ? { afterStore } : {}) });
    const runJobs = () =>
      createJobRunner({
        db: db(),
        engine,
        handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
      }).runDue();

    const withClient = <T>(work: (client: ImapFlow) => Promise<T>) => withImapClient(imap, work);
    const deliver = (raw: Buffer | string) => appendToInbox(imap, raw);
    /** The flags of the message with this Message-ID in the folder. */
    const flagsOf = (messageId: string) =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock("INBOX");
        try {
          const uids = (await client.search({ header: { "message-id": messageId } }, { uid: true })) || [];
          const uid = uids[0];
          if (uid === undefined) return undefined;
          const message = await client.fetchOne(String(uid), { flags: true }, { uid: true });
          return message ? [...(message.flags ?? [])] : undefined;
        } finally {
          lock.release();
        }
      });
    const ticketsFrom = (email: string) =>
      db().selectFrom("tickets").select(["id", "number"]).where("requester_email", "=", email).execute();
    let n = 0;
    const mail = (from: string, subject: string, body: string) => {
      n += 1;
      const id = `<imap-${engine}-${n}-${Date.now()}@example.com>`;
      return {
        id,
        raw: `From: ${from}\r\nTo: help@support.example\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\nDate: Tue, 4 Nov 2025 08:00:00 +0000\r\n\r\n${body}\r\n`,
      };
    };

    it("stores each new message, flags it after the commit, and files it as a ticket", async () => {
      const { id, raw } = mail("Una Imap <una@example.com>", "Via IMAP", "Polled from Dovecot.");
      await deliver(raw);
      expect(await poll()).toMatchObject({ stored: 1, duplicates: 0, tooLarge: 0 });
      expect(await flagsOf(id)).toEqual(expect.arrayContaining([storedKeyword, "\\Seen"]));
      // A second pass leaves flagged messages alone.
      expect(await poll()).toMatchObject({ stored: 0, duplicates: 0, tooLarge: 0 });
      await runJobs();
      expect(await ticketsFrom("una@example.com")).toHaveLength(1);
    });

    it("makes exactly one ticket when the poller crashes between the commit and the flag", async () => {
      const { id, raw } = mail("Vic Crash <vic@example.com>", "Crash", "The poller dies after storing me.");
      await deliver(raw);
      await expect(
        poll(async () => {
          throw new Error("simulated crash after commit");
        }),
      ).rejects.toThrow("simulated crash");
      expect(await flagsOf(id)).not.toContain(storedKeyword);
      // The next pass finds it already stored and only flags it.
      expect(await poll()).toMatchObject({ stored: 0, duplicates: 1, tooLarge: 0 });
      expect(await flagsOf(id)).toContain(storedKeyword);
      await runJobs();
      expect(await ticketsFrom("vic@example.com")).toHaveLength(1);
    });

    it("makes one ticket when two pollers take the same message at once", async () => {
      const { id, raw } = mail("Wren Twice <wren@example.com>", "Two pollers", "Both see me.");
      await deliver(raw);
      const results = await Promise.all([poll(), poll()]);
      expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(1);
      expect(await flagsOf(id)).toContain(storedKeyword);
      await runJobs();
      const rows = await db()
        .selectFrom("inbound_messages")
        .select(["status", "reason"])
        .where("message_id", "=", id)
        .orderBy("status", "desc")
        .execute();
      // Filed once; a copy the second poller also took (when it did) is kept as a duplicate.
      expect(rows[0]).toEqual({ status: "processed", reason: "new_ticket" });
      expect(rows.slice(1)).toEqual(rows.slice(1).map(() => ({ status: "ignored", reason: "duplicate" })));
      expect(await ticketsFrom("wren@example.com")).toHaveLength(1);
    });

    it("does not append a stranger's mail that quotes a ticket number to that ticket", async () => {
      const seeded = await seedTicket(db(), config);
      await deliver(fixture("reply-stranger-quotes-number.eml", { NUMBER: String(seeded.number) }));
      await poll();
      await runJobs();
      const comments = await db()
        .selectFrom("ticket_events")
        .select("id")
        .where("ticket_id", "=", seeded.id)
        .where("type", "=", "comment")
        .execute();
      expect(comments).toHaveLength(0);
      const theirs = await ticketsFrom("mallory@elsewhere.example");
      expect(theirs.map((t) => t.id)).not.toContain(seeded.id);
      expect(theirs.length).toBeGreaterThanOrEqual(1);
    });

    it("leaves mail over the size limit in the folder, tells the sender once, and says so on the mailbox", async () => {
      const { id, raw } = mail("Xan Big <xan@example.com>", "Big", "x".repeat(150 * 1024));
      await deliver(raw);
      const poller = createImapPoller(db(), { intervalMs: 60_000, maxBytes: 100 * 1024, box, baseUrl: config.baseUrl });
      await poller.pollAll();
      await poller.pollAll();
      await runJobs();
      const flags = await flagsOf(id);
      expect(flags).toContain(storedKeyword);
      expect(flags).not.toContain("\\Seen");
      const rows = await db().selectFrom("inbound_messages").selectAll().where("message_id", "=", id).execute();
      expect(rows.map((r) => [r.status, r.reason])).toEqual([["ignored", "too_large"]]);
      expect(rows[0]?.size).toBeGreaterThan(150 * 1024);
      const notices = await db()
        .selectFrom("mail_messages")
        .select(["template", "subject"])
        .where("to_address", "=", "xan@example.com")
        .execute();
      expect(notices).toEqual([{ template: "mail-too-large", subject: "Your message was too large: Big" }]);
      expect(await ticketsFrom("xan@example.com")).toHaveLength(0);
      const after = await mailbox();
      expect(after.last_polled_at).not.toBeNull();
    });

    /**
     * A value the database refuses, for exactly one message: a trigger that rejects its Message-ID, as a CHECK
     * constraint or a column limit would. Before, the poll stopped at that message on every poll, so the good
     * mail behind it never became a ticket and nobody was told.
     */
    async function refuseMessageIds(marker: string): Promise<() => Promise<void>> {
      if (engine === "sqlite") {
        await sql
          .raw(`create trigger refuse_marked before insert on inbound_messages
          when new.message_id like '%${marker}%'
          begin select raise(abort, 'value refused by a constraint'); end`)
          .execute(db());
        return async () => void (await sql`drop trigger refuse_marked`.execute(db()));
      }
      await sql
        .raw(`create function refuse_marked() returns trigger language plpgsql as $$
        begin
          if new.message_id like '%${marker}%' then raise exception 'value refused by a constraint'; end if;
          return new;
        end $$`)
        .execute(db());
      await sql`create trigger refuse_marked before insert on inbound_messages
        for each row execute function refuse_marked()`.execute(db());
      return async () => void (await sql`drop function refuse_marked cascade`.execute(db()));
    }

    it("goes past a message it cannot store, files the mail behind it, and quarantines it after a few polls", async () => {
      const first = mail("Ada Before <ada-before@example.com>", "Before", "Filed.");
      const bad = mail("Bo Refused <bo-refused@example.com>", "Refused", "The database refuses me.");
      const badId = bad.id.replace("<", "<refused-by-db-");
      const last = mail("Cy After <cy-after@example.com>", "After", "Filed too.");
      await deliver(first.raw);
      await deliver(bad.raw.replace(bad.id, badId));
      await deliver(last.raw);
      const allowAgain = await refuseMessageIds("refused-by-db");
      try {
        const poller = createImapPoller(db(), {
          intervalMs: 60_000,
          maxBytes: 100 * 1024,
          box,
          baseUrl: config.baseUrl,
        });
        await poller.pollAll();
        await runJobs();
        expect(await ticketsFrom("ada-before@example.com")).toHaveLength(1);
        expect(await ticketsFrom("cy-after@example.com")).toHaveLength(1);
        expect(await flagsOf(badId)).not.toContain(storedKeyword);
        expect((await mailbox()).last_error).toMatch(
          /1 message\(s\) in INBOX could not be stored and will be tried again/,
        );

        // Tried again on the next polls; at the last try it is kept, quarantined, and flagged.
        for (let i = 1; i < storeAttempts; i += 1) await poller.pollAll();
        const kept = await db()
          .selectFrom("inbound_messages")
          .selectAll()
          .where("mailbox_id", "=", mailboxId)
          .where("status", "=", "quarantined")
          .execute();
        expect(kept.map((r) => r.reason)).toEqual(["not_stored"]);
        expect(kept[0]?.detail).toMatch(/value refused by a constraint/);
        expect(Buffer.from(kept[0]?.raw ?? "").toString()).toContain(badId);
        expect(await flagsOf(badId)).toContain(storedKeyword);
        expect((await mailbox()).last_error).toMatch(/quarantined under Inbound mail/);

        // Nothing is taken or filed twice afterwards.
        const rowsBefore = await db().selectFrom("inbound_messages").select("id").execute();
        expect(await poll()).toEqual({ stored: 0, duplicates: 0, tooLarge: 0, notStored: [], quarantined: 0 });
        await runJobs();
        expect(await db().selectFrom("inbound_messages").select("id").execute()).toHaveLength(rowsBefore.length);
        expect(await ticketsFrom("ada-before@example.com")).toHaveLength(1);
        expect(await ticketsFrom("cy-after@example.com")).toHaveLength(1);
        expect(await ticketsFrom("bo-refused@example.com")).toHaveLength(0);

        // The admin runs it again (from Admin → Inbound mail): it becomes one ticket.
        expect(await requeueInbound(db(), kept[0]?.id ?? "", "route")).toBe(true);
        await runJobs();
        expect(await ticketsFrom("bo-refused@example.com")).toHaveLength(1);
      } finally {
        await allowAgain();
      }
    });

    it("records a login failure on the mailbox instead of failing the other mailboxes", async () => {
      await db()
        .updateTable("mailboxes")
        .set({ imap_password: "wrong password" })
        .where("id", "=", mailboxId)
        .execute();
      const poller = createImapPoller(db(), { intervalMs: 60_000, maxBytes: 100 * 1024, box, baseUrl: config.baseUrl });
      await poller.pollAll();
      expect((await mailbox()).last_error).toBeTruthy();
      await db().updateTable("mailboxes").set({ imap_password: imap.password }).where("id", "=", mailboxId).execute();
    });
  });
});
