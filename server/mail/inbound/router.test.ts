import { beforeAll, expect, it } from "vitest";
import { decodeJson } from "../../db/engine.ts";
import { createJobRunner } from "../../jobs/runner.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { latestMailTo, testConfig } from "../../test/factories.ts";
import { parseReplyAddress, replyAddressSecret, verifyReplySignature } from "../threading.ts";
import { inboundMailHandler } from "./handler.ts";
import { confirmationLimit, inboundSenderLimit, processInbound } from "./router.ts";
import { requeueInbound, storeInbound } from "./store.ts";
import { ensureMailbox, seedTicket } from "./test-support.ts";

let counter = 0;
function message(from: string, subject: string, body: string, extra = ""): Buffer {
  counter += 1;
  return Buffer.from(
    `From: ${from}\r\nTo: help@support.example\r\nSubject: ${subject}\r\nMessage-ID: <router-${counter}-${Date.now()}@example.com>\r\n${extra}\r\n${body}\r\n`,
  );
}

describeEachEngine("inbound mail: exactly once, review and quarantine", ({ db, engine }) => {
  const config = testConfig();
  let mailboxId = "";
  beforeAll(async () => {
    mailboxId = await ensureMailbox(db());
  });
  const store = (raw: Buffer) => storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null });
  const row = (id: string) =>
    db().selectFrom("inbound_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const ticketsFrom = (email: string) =>
    db().selectFrom("tickets").select(["id", "number"]).where("requester_email", "=", email).execute();

  it("stores a redelivered message once and makes one ticket through the job runner", async () => {
    const raw = message("Dee Twice <dee@example.com>", "Sent twice", "The same message, delivered twice.");
    const first = await store(raw);
    const second = await store(raw);
    expect(second).toMatchObject({ duplicate: true, originalId: first.id });
    // The second delivery is kept and shown as a duplicate of the first, never filed.
    expect(await row(second.id)).toMatchObject({ status: "ignored", reason: "duplicate", duplicate_of: first.id });
    const runner = createJobRunner({
      db: db(),
      engine,
      handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
    });
    await runner.runDue();
    expect((await row(first.id)).status).toBe("processed");
    expect(await ticketsFrom("dee@example.com")).toHaveLength(1);
  });

  it("keeps one copy to file when the same message reaches two of our mailboxes at the same instant", async () => {
    // To: help@, Cc: billing@, taken by two receivers (SMTP and an IMAP poll, or two instances) at once: each
    // store looked for the other's copy before either had committed, and both were filed.
    const billing = await ensureMailbox(db(), "billing.race@support.example");
    for (let round = 0; round < 8; round++) {
      const raw = message("Gil Both <gil@example.com>", `Both mailboxes ${round}`, "Addressed to two of yours.");
      const copies = await Promise.all([
        storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null }),
        storeInbound(db(), { mailboxId: billing, raw, source: "imap", envelopeFrom: null }),
      ]);
      expect(
        copies.filter((copy) => !copy.duplicate),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it("files a message once when two workers process it at the same time", async () => {
    const { id } = await store(message("Eli Race <eli@example.com>", "Raced", "Two workers, one ticket."));
    await Promise.all([processInbound({ db: db(), config }, id), processInbound({ db: db(), config }, id)]);
    expect((await row(id)).status).toBe("processed");
    expect(await ticketsFrom("eli@example.com")).toHaveLength(1);
  });

  it("holds mail for review once one sender passes the hourly cap", async () => {
    const limited = { db: db(), config: testConfig({ rateLimiting: true }) };
    const statuses: string[] = [];
    for (let i = 0; i <= inboundSenderLimit.max; i++) {
      const { id } = await store(message("Flo Flood <flo@example.com>", `Flood ${i}`, "Again."));
      await processInbound(limited, id);
      statuses.push(`${(await row(id)).status}:${(await row(id)).reason}`);
    }
    expect(statuses.slice(0, inboundSenderLimit.max).every((s) => s === "processed:new_ticket")).toBe(true);
    expect(statuses.at(-1)).toBe("review:rate_limited");
    expect(await ticketsFrom("flo@example.com")).toHaveLength(inboundSenderLimit.max);
  });

  const mailsTo = (email: string) =>
    db().selectFrom("mail_messages").select("template").where("to_address", "=", email).execute();

  it("confirms at most a few requests per sender and hour, and files the rest silently", async () => {
    const statuses: string[] = [];
    for (let i = 0; i <= confirmationLimit.max; i++) {
      const { id } = await store(message("Kai Many <kai@example.com>", `Request ${i}`, "Another one."));
      await processInbound({ db: db(), config }, id);
      statuses.push(`${(await row(id)).status}:${(await row(id)).detail ?? ""}`);
    }
    expect(await ticketsFrom("kai@example.com")).toHaveLength(confirmationLimit.max + 1);
    expect(await mailsTo("kai@example.com")).toHaveLength(confirmationLimit.max);
    expect(statuses.at(-1)).toBe("processed:No confirmation was sent.");
  });

  it("holds mail the mail server marked as spam, and answers nobody", async () => {
    for (const flag of ["X-Spam-Flag: YES", "X-Spam-Status: Yes, score=14.2 required=5.0 tests=BAYES_99"]) {
      const { id } = await store(message("Lou Spam <lou@example.com>", "Cheap pills", "Buy now.", `${flag}\r\n`));
      await processInbound({ db: db(), config }, id);
      expect(await row(id)).toMatchObject({ status: "review", reason: "spam", ticket_id: null });
    }
    const notSpam = await store(
      message("Lou Spam <lou@example.com>", "Real question", "Hello.", "X-Spam-Status: No, score=0.1\r\n"),
    );
    await processInbound({ db: db(), config }, notSpam.id);
    expect((await row(notSpam.id)).status).toBe("processed");
    expect(await mailsTo("lou@example.com")).toHaveLength(1);
  });

  it("files automatic mail from a sender the mailbox accepts as a request, without answering it", async () => {
    const alert = (from: string, n: number) =>
      message(from, `PROBLEM: disk full on db-${n}`, "Disk /var is 98% full.", "Auto-Submitted: auto-generated\r\n");
    // Not accepted yet: ignored like any auto-generated mail.
    const before = await store(alert("Nagios <nagios@monitoring.example>", 1));
    await processInbound({ db: db(), config }, before.id);
    expect(await row(before.id)).toMatchObject({ status: "ignored", reason: "auto_reply" });

    await db()
      .updateTable("mailboxes")
      .set({ accept_auto_from: "@monitoring.example\nalerts@itsm.example" })
      .where("id", "=", mailboxId)
      .execute();
    try {
      const after = await store(alert("Nagios <nagios@monitoring.example>", 2));
      await processInbound({ db: db(), config }, after.id);
      expect(await row(after.id)).toMatchObject({ status: "processed", reason: "new_ticket" });
      expect((await row(after.id)).detail).toContain("from an accepted sender");
      expect(await ticketsFrom("nagios@monitoring.example")).toHaveLength(1);
      // A machine is never answered, so there is no loop.
      expect(await mailsTo("nagios@monitoring.example")).toHaveLength(0);
      // Other automatic senders are still ignored.
      const other = await store(alert("Zabbix <zabbix@elsewhere.example>", 3));
      await processInbound({ db: db(), config }, other.id);
      expect((await row(other.id)).status).toBe("ignored");
    } finally {
      await db().updateTable("mailboxes").set({ accept_auto_from: null }).where("id", "=", mailboxId).execute();
    }
  });

  // One message to two mailboxes is filed once (store.ts). Automatic mail is a mailbox's own choice: an alert
  // sent to help@ (which ignores machines) and to ops@ (which accepts this one) must still be filed, by ops@.
  it("files automatic mail sent to two mailboxes by the one that accepts its sender, once", async () => {
    const ops = await ensureMailbox(db(), "ops@support.example");
    await db().updateTable("mailboxes").set({ accept_auto_from: "@alerts.example" }).where("id", "=", ops).execute();
    const alert = (n: number) =>
      Buffer.from(
        `From: Monitor <monitor@alerts.example>\r\nTo: help@support.example, ops@support.example\r\nSubject: PROBLEM ${n}-${engine}\r\nMessage-ID: <alert-${n}-${engine}@alerts.example>\r\nAuto-Submitted: auto-generated\r\n\r\nDisk full.\r\n`,
      );
    const runJobs = () =>
      createJobRunner({
        db: db(),
        engine,
        handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
      }).runDue();
    const outcomes = async (n: number) =>
      (
        await db()
          .selectFrom("inbound_messages")
          .select(["mailbox_id", "status", "reason", "ticket_id"])
          .where("message_id", "=", `<alert-${n}-${engine}@alerts.example>`)
          .execute()
      )
        .map((r) => `${r.mailbox_id === ops ? "ops" : "help"}:${r.status}:${r.reason}`)
        .toSorted();
    // Delivered in one SMTP session: both copies stored before either is filed.
    await store(alert(1));
    await storeInbound(db(), { mailboxId: ops, raw: alert(1), source: "smtp", envelopeFrom: null });
    await runJobs();
    // Or polled later by IMAP, after help@ had ignored it.
    await store(alert(2));
    await runJobs();
    await storeInbound(db(), { mailboxId: ops, raw: alert(2), source: "imap", envelopeFrom: null });
    await runJobs();
    expect(await outcomes(1)).toEqual(["help:processed:new_ticket", "ops:ignored:duplicate"]);
    expect(await outcomes(2)).toEqual(["help:ignored:auto_reply", "ops:processed:new_ticket"]);
    expect(await ticketsFrom("monitor@alerts.example")).toHaveLength(2);
  });

  it("quarantines a message that fails, goes on with the next, and files it when an admin runs it again", async () => {
    // No status to start a ticket in: filing fails until the admin fixes the status set.
    const starting = await db()
      .selectFrom("statuses")
      .select(["id", "category"])
      .where("category", "in", ["new", "open"])
      .execute();
    await db()
      .updateTable("statuses")
      .set({ category: "on_hold" })
      .where(
        "id",
        "in",
        starting.map((s) => s.id),
      )
      .execute();
    const failing = await store(message("Gus Broken <gus@example.com>", "Fails first", "Will be kept."));
    await processInbound({ db: db(), config }, failing.id);
    for (const status of starting) {
      await db().updateTable("statuses").set({ category: status.category }).where("id", "=", status.id).execute();
    }
    const next = await store(message("Hal Next <hal@example.com>", "Behind it", "Not blocked."));
    await processInbound({ db: db(), config }, next.id);

    const quarantined = await row(failing.id);
    expect(quarantined.status).toBe("quarantined");
    expect(quarantined.reason).toBe("failed");
    expect(quarantined.detail).toContain("No status");
    expect(Buffer.from(quarantined.raw).toString()).toContain("Will be kept.");
    expect((await row(next.id)).status).toBe("processed");

    expect(await requeueInbound(db(), failing.id, "route")).toBe(true);
    const runner = createJobRunner({
      db: db(),
      engine,
      handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
    });
    await runner.runDue();
    expect((await row(failing.id)).status).toBe("processed");
    expect(await ticketsFrom("gus@example.com")).toHaveLength(1);
    // Only held or quarantined messages go round again.
    expect(await requeueInbound(db(), failing.id, "route")).toBe(false);
  });

  it("lets an admin turn a held stranger's reply into a new ticket", async () => {
    const seeded = await seedTicket(db(), config);
    const { id } = await store(
      message("Ivy Stranger <ivy@example.com>", "Re: your mail", "Forwarded to me.", `To: ${seeded.replyTo}\r\n`),
    );
    await processInbound({ db: db(), config }, id);
    expect((await row(id)).reason).toBe("sender_not_on_ticket");
    await requeueInbound(db(), id, "new_ticket");
    await processInbound({ db: db(), config }, id, "new_ticket");
    const tickets = await ticketsFrom("ivy@example.com");
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.id).not.toBe(seeded.id);
  });

  it("threads a reply's notifications under the customer's own mail and does not mail the sender back", async () => {
    const seeded = await seedTicket(db(), config, { email: "jo.thread@example.com", name: "Jo Thread" });
    await db()
      .insertInto("ticket_ccs")
      .values({
        ticket_id: seeded.id,
        email: "kai.cc@example.com",
        added_by_name: "Jo",
        created_at: new Date().toISOString(),
      })
      .execute();
    const raw = Buffer.from(
      `From: Jo Thread <jo.thread@example.com>\r\nTo: ${seeded.replyTo}\r\nSubject: Re: anything\r\nMessage-ID: <jo-reply@example.com>\r\nIn-Reply-To: ${seeded.messageId}\r\n\r\nStill broken.\r\n`,
    );
    const { id } = await store(raw);
    await processInbound({ db: db(), config }, id);
    expect((await row(id)).ticket_id).toBe(seeded.id);
    const toCc = await latestMailTo(db(), "kai.cc@example.com");
    expect(toCc?.template).toBe("comment-added");
    const headers = decodeJson(toCc?.headers) as Record<string, string>;
    expect(headers["In-Reply-To"]).toBe("<jo-reply@example.com>");
    expect(headers.References).toContain(`<ticket-${seeded.id}@localhost>`);
    expect(headers["Reply-To"]).toBe(seeded.replyTo);
    const toSender = await latestMailTo(db(), "jo.thread@example.com");
    expect(toSender?.template).toBe("ticket-received");
  });

  it("signs reply addresses per ticket: another ticket's number with this signature does not verify", async () => {
    const a = await seedTicket(db(), config);
    const b = await seedTicket(db(), config);
    const secret = await replyAddressSecret(db());
    const tagA = parseReplyAddress(a.replyTo);
    expect(tagA?.number).toBe(a.number);
    expect(verifyReplySignature(secret, a.id, tagA?.signature ?? "")).toBe(true);
    expect(verifyReplySignature(secret, b.id, tagA?.signature ?? "")).toBe(false);
  });
});
