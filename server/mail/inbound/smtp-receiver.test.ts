import net from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createJobRunner } from "../../jobs/runner.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { testConfig } from "../../test/factories.ts";
import { inboundMailHandler } from "./handler.ts";
import { listInboundMessages } from "./mailboxes.ts";
import { createSmtpReceiver, type SmtpReceiver } from "./smtp-receiver.ts";
import { ensureMailbox, fixture, seedTicket } from "./test-support.ts";

describeEachEngine("the inbound SMTP receiver", ({ db, engine }) => {
  const config = testConfig();
  let receiver: SmtpReceiver;
  let port = 0;
  const maxBytes = 64 * 1024;

  beforeAll(async () => {
    await ensureMailbox(db());
    await ensureMailbox(db(), "billing@support.example");
    receiver = createSmtpReceiver(db(), { maxBytes });
    port = await receiver.listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await receiver.close();
  });

  function send(raw: Buffer | string, to: string[], from = "sender@example.com") {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    return transport.sendMail({ envelope: { from, to }, raw }).finally(() => transport.close());
  }
  const runJobs = () =>
    createJobRunner({
      db: db(),
      engine,
      handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
    }).runDue();
  const stored = (messageId: string) =>
    db().selectFrom("inbound_messages").selectAll().where("message_id", "=", messageId).execute();

  it("accepts mail for a mailbox and files it as a ticket after the 250", async () => {
    const info = await send(fixture("new-plain-text-signature.eml"), ["help@support.example"], "kim@example.org");
    expect(info.response).toMatch(/^250/);
    expect(await stored("<new-plain-1@example.org>")).toHaveLength(1);
    await runJobs();
    const [row] = await stored("<new-plain-1@example.org>");
    expect(row?.status).toBe("processed");
    const ticket = await db()
      .selectFrom("tickets")
      .selectAll()
      .where("id", "=", row?.ticket_id ?? "")
      .executeTakeFirst();
    expect(ticket?.subject).toBe("Printer on floor 3 is offline");
  });

  it("files a message sent again (a retried session) once, keeps the copy as a duplicate, and makes one ticket", async () => {
    const raw = fixture("new-html-only.eml");
    await send(raw, ["help@support.example"]);
    await send(raw, ["help@support.example"]);
    await runJobs();
    const rows = await stored("<new-html-only-1@example.org>");
    expect(rows.map((r) => `${r.status}:${r.reason}`).toSorted()).toEqual([
      "ignored:duplicate",
      "processed:new_ticket",
    ]);
    const tickets = await db()
      .selectFrom("tickets")
      .select("id")
      .where("requester_email", "=", "noor@example.org")
      .execute();
    expect(tickets).toHaveLength(1);
  });

  // PostgreSQL refuses a NUL in text: storing failed, so the receiver answered 451 to every attempt, for days.
  it("accepts and files a message whose Message-ID and Return-Path carry a NUL, and a copy of it once", async () => {
    const raw = Buffer.from(
      "Return-Path: <nul\u0000sender@example.org>\r\nFrom: Nia Nul <nia@example.org>\r\nTo: help@support.example\r\n" +
        "Subject: Printer jammed\r\nMessage-ID: <nul\u0000id@example.org>\r\n\r\nThe printer is jammed.\r\n",
      "latin1",
    );
    expect((await send(raw, ["help@support.example"])).response).toMatch(/^250/);
    expect((await send(raw, ["help@support.example"])).response).toMatch(/^250/);
    await runJobs();
    expect((await stored("<nulid@example.org>")).map((r) => `${r.status}:${r.reason}`).toSorted()).toEqual([
      "ignored:duplicate",
      "processed:new_ticket",
    ]);
    const tickets = await db()
      .selectFrom("tickets")
      .select("subject")
      .where("requester_email", "=", "nia@example.org")
      .execute();
    expect(tickets).toEqual([{ subject: "Printer jammed" }]);
  });

  // Before, each of our mailboxes on a message kept its own copy and filed it: a request to help@ and billing@
  // made two tickets (and two confirmations), a reply-all that kept billing@ posted the same comment twice.
  it("files a message addressed to two of our mailboxes once: one ticket, and one comment for a reply-all", async () => {
    const mail = `From: Olga <olga@example.com>\r\nTo: help@support.example\r\nCc: billing@support.example\r\nSubject: Invoice and laptop\r\nMessage-ID: <two-mailboxes-${engine}@example.com>\r\n\r\nThe invoice is wrong and the laptop is slow.\r\n`;
    expect((await send(mail, ["help@support.example", "billing@support.example"])).response).toMatch(/^250/);
    await runJobs();
    const rows = await stored(`<two-mailboxes-${engine}@example.com>`);
    expect(rows.map((r) => `${r.status}:${r.reason}`).toSorted()).toEqual([
      "ignored:duplicate",
      "processed:new_ticket",
    ]);
    expect(rows.find((r) => r.reason === "duplicate")?.detail).toContain("help@support.example");
    const tickets = await db()
      .selectFrom("tickets")
      .select("id")
      .where("requester_email", "=", "olga@example.com")
      .execute();
    expect(tickets).toHaveLength(1);
    const confirmations = await db()
      .selectFrom("mail_messages")
      .select("id")
      .where("to_address", "=", "olga@example.com")
      .execute();
    expect(confirmations).toHaveLength(1);

    const seeded = await seedTicket(db(), config);
    const reply = `From: robin.guest@example.com\r\nTo: ${seeded.replyTo}\r\nCc: billing@support.example\r\nSubject: Re: VPN\r\nIn-Reply-To: ${seeded.messageId}\r\nMessage-ID: <reply-all-${engine}@example.com>\r\n\r\nStill broken.\r\n`;
    await send(reply, [seeded.replyTo, "billing@support.example"], "robin.guest@example.com");
    await runJobs();
    const comments = await db()
      .selectFrom("ticket_events")
      .select("id")
      .where("ticket_id", "=", seeded.id)
      .where("type", "=", "comment")
      .execute();
    expect(comments).toHaveLength(1);
  });

  it("takes a reply at the signed reply address and appends it to its ticket", async () => {
    const seeded = await seedTicket(db(), config);
    const raw = fixture("reply-gmail-signed-address.eml", {
      REPLY_TO: seeded.replyTo,
      TICKET_MSGID: seeded.messageId,
      NUMBER: String(seeded.number),
    });
    await send(raw, [seeded.replyTo], "robin.guest@example.com");
    await runJobs();
    const [row] = await stored("<CAF3nq=gmail-reply-1@mail.gmail.com>");
    expect(row?.ticket_id).toBe(seeded.id);
    expect(row?.reason).toBe("reply");
  });

  it("files different mails that share a Message-ID each as their own, and keeps true duplicates visibly", async () => {
    const shared = `<reused-${engine}@broken-mailer.example>`;
    const mail = (from: string, subject: string, body: string) =>
      `From: ${from}\r\nTo: help@support.example\r\nSubject: ${subject}\r\nMessage-ID: ${shared}\r\nDate: Mon, 3 Nov 2025 09:00:00 +0000\r\n\r\n${body}\r\n`;
    const first = mail("Ines <ines@example.com>", "Scanner jams", "The scanner jams on every page.");
    const other = mail("Jon <jon@example.net>", "New laptop", "Please order a laptop for our new hire.");
    const third = mail("Ines <ines@example.com>", "Scanner jams", "Also the ADF tray is cracked.");
    // The same message again, as an MTA retrying after a lost 250 sends it: a new trace header, same content.
    const retried = `Received: from relay.example by mx; Mon, 3 Nov 2025 09:05:00 +0000\r\n${first}`;
    for (const raw of [first, other, third, retried, first]) {
      expect((await send(raw, ["help@support.example"])).response).toMatch(/^250/);
    }
    await runJobs();
    const rows = await db()
      .selectFrom("inbound_messages")
      .leftJoin("tickets", "tickets.id", "inbound_messages.ticket_id")
      .select(["inbound_messages.status", "inbound_messages.reason", "tickets.subject", "tickets.message"])
      .where("inbound_messages.message_id", "=", shared)
      .orderBy("inbound_messages.received_at")
      .orderBy("inbound_messages.id")
      .execute();
    // Five deliveries, five rows: three different mails filed, two true duplicates kept and marked.
    expect(rows.map((r) => `${r.status}:${r.reason}`)).toEqual([
      "processed:new_ticket",
      "processed:new_ticket",
      "processed:new_ticket",
      "ignored:duplicate",
      "ignored:duplicate",
    ]);
    expect(rows.map((r) => r.message).filter(Boolean)).toEqual([
      "The scanner jams on every page.",
      "Please order a laptop for our new hire.",
      "Also the ADF tray is cracked.",
    ]);
    // The admin queue shows the duplicates, with the sender and subject of the message they repeat.
    const ignored = await listInboundMessages(db(), "ignored");
    const duplicates = ignored.filter((m) => m.messageId === shared);
    expect(duplicates.map((m) => [m.reason, m.from, m.subject, m.duplicateOf !== null])).toEqual([
      ["duplicate", "ines@example.com", "Scanner jams", true],
      ["duplicate", "ines@example.com", "Scanner jams", true],
    ]);
  });

  /** A bare SMTP dialogue, for what nodemailer will not send: the null sender `MAIL FROM:<>` of bounces. */
  function rawSession(commands: string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1");
      const replies: string[] = [];
      let buffer = "";
      const queue = [...commands];
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        // A complete reply ends with a line whose code is followed by a space.
        while (/^\d{3} .*\r\n/m.test(buffer)) {
          const end = buffer.search(/^\d{3} .*\r\n/m);
          const lineEnd = buffer.indexOf("\r\n", end) + 2;
          replies.push(buffer.slice(end, lineEnd - 2));
          buffer = buffer.slice(lineEnd);
          const next = queue.shift();
          if (next === undefined) socket.end();
          else socket.write(next);
        }
      });
      socket.on("close", () => resolve(replies));
      socket.on("error", reject);
    });
  }

  it("takes a bounce (null envelope sender) but never files it or answers it", async () => {
    const replies = await rawSession([
      "EHLO mx.example.com\r\n",
      "MAIL FROM:<>\r\n",
      "RCPT TO:<help@support.example>\r\n",
      "DATA\r\n",
      "From: someone@example.com\r\nTo: help@support.example\r\nSubject: Delivery failed\r\nMessage-ID: <null-sender@example.com>\r\n\r\nYour message could not be delivered.\r\n.\r\n",
      "QUIT\r\n",
    ]);
    expect(replies.some((r) => r.startsWith("250") && /received/i.test(r))).toBe(true);
    await runJobs();
    const [row] = await stored("<null-sender@example.com>");
    expect([row?.status, row?.reason, row?.envelope_from]).toEqual(["ignored", "bounce", ""]);
    const answers = await db()
      .selectFrom("mail_messages")
      .select("id")
      .where("to_address", "=", "someone@example.com")
      .execute();
    expect(answers).toHaveLength(0);
  });

  it("refuses mail for addresses that are not ours", async () => {
    await expect(send(fixture("new-koi8-r.eml"), ["someone@elsewhere.example"])).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await stored("<new-koi8-1@example.ru>")).toHaveLength(0);
  });

  it("refuses mail over the size limit with a notice, and keeps nothing of it", async () => {
    const big = `From: big@example.com\r\nTo: help@support.example\r\nSubject: Too big\r\nMessage-ID: <too-big@example.com>\r\n\r\n${"x".repeat(maxBytes + 1000)}\r\n`;
    await expect(send(big, ["help@support.example"])).rejects.toMatchObject({ responseCode: 552 });
    expect(await stored("<too-big@example.com>")).toHaveLength(0);
  });
});
