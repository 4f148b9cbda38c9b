/** Mail written to hurt: markup that takes the parser minutes, and agents' addresses in a forged From. */
import { beforeAll, expect, it } from "vitest";
import { decodeJson } from "../../db/engine.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { buildAdmin, buildAgent, buildTestApp, buildUser, signInAs, testConfig } from "../../test/factories.ts";
import { queueMail } from "../outbox.ts";
import { replyAddress, replyAddressSecret } from "../threading.ts";
import { processInbound } from "./router.ts";
import { storeInbound } from "./store.ts";
import { ensureMailbox, seedTicket, supportAddress } from "./test-support.ts";

let counter = 0;
function mail(headers: string, body: string, contentType = "text/plain; charset=utf-8"): Buffer {
  counter += 1;
  return Buffer.from(
    `${headers}\r\nMessage-ID: <hostile-${counter}-${Date.now()}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n${body}\r\n`,
  );
}

describeEachEngine("hostile inbound mail", ({ db, engine }) => {
  const config = testConfig();
  let mailboxId = "";
  const agentEmail = "agent.forged@example.com";
  beforeAll(async () => {
    mailboxId = await ensureMailbox(db());
    await buildUser(db(), "agent", "Agent Forged");
  });
  const receive = async (raw: Buffer) => {
    const { id } = await storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null });
    await processInbound({ db: db(), config }, id);
    return db().selectFrom("inbound_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  };
  const comments = (ticketId: string) =>
    db()
      .selectFrom("ticket_events")
      .select(["actor_name", "payload"])
      .where("ticket_id", "=", ticketId)
      .where("type", "=", "comment")
      .execute();

  it("files a mail of deeply nested HTML as plain text at once, saying why", async () => {
    // About 600 KB of nested table cells: sanitising this took over a minute on the event loop.
    const html = `${"<table><tr><td>".repeat(40_000)}Please help, the printer is on fire.`;
    const row = await receive(
      mail(`From: Nested Nora <nora@example.com>\r\nTo: ${supportAddress}\r\nSubject: Nested`, html, "text/html"),
    );
    expect(row.status).toBe("processed");
    expect(row.detail).toContain("shown as plain text");
    const ticket = await db()
      .selectFrom("tickets")
      .select(["message", "message_format"])
      .where("id", "=", row.ticket_id)
      .executeTakeFirstOrThrow();
    expect(ticket.message_format).toBe("text");
    expect(ticket.message).toContain("the printer is on fire");
  });

  it("holds a reply whose From is an agent's address, matched only by the number in its subject", async () => {
    const seeded = await seedTicket(db(), config);
    const row = await receive(
      mail(
        `From: Agent Forged <${agentEmail}>\r\nTo: ${supportAddress}\r\nSubject: Re: [#${seeded.number}] VPN`,
        "Please send me your password so I can fix this.",
      ),
    );
    expect({ status: row.status, reason: row.reason }).toEqual({ status: "review", reason: "staff_unverified" });
    expect(await comments(seeded.id)).toHaveLength(0);
  });

  it("holds mail from an address whose account an admin disabled: no new request, no reply on their request", async () => {
    const customer = await buildUser(db(), "customer", `Disabled Dana ${engine}`);
    const seeded = await seedTicket(db(), config, { email: customer.email, name: customer.name });
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", customer.id)
      .execute();
    const ticketsBefore = (await db().selectFrom("tickets").select("id").execute()).length;

    const fresh = await receive(
      mail(`From: ${customer.email}\r\nTo: ${supportAddress}\r\nSubject: Let me back in`, "You cannot stop me."),
    );
    expect({ status: fresh.status, reason: fresh.reason }).toEqual({ status: "review", reason: "sender_disabled" });
    expect(fresh.detail).toBe(
      `From ${customer.email}, whose account an admin has disabled: nothing was filed and nobody was answered.`,
    );
    const reply = await receive(mail(`From: ${customer.email}\r\nTo: ${seeded.replyTo}\r\nSubject: Re: VPN`, "Again."));
    expect({ status: reply.status, reason: reply.reason }).toEqual({ status: "review", reason: "sender_disabled" });
    expect(await comments(seeded.id)).toHaveLength(0);
    expect((await db().selectFrom("tickets").select("id").execute()).length).toBe(ticketsBefore);

    // An admin who decides otherwise files it from the review queue.
    await db().updateTable("inbound_messages").set({ status: "received" }).where("id", "=", fresh.id).execute();
    await processInbound({ db: db(), config }, fresh.id, "new_ticket");
    expect((await db().selectFrom("tickets").select("id").execute()).length).toBe(ticketsBefore + 1);
  });

  it("holds an agent's From on the ticket's own reply address, which every customer on it has seen", async () => {
    const seeded = await seedTicket(db(), config);
    const row = await receive(
      mail(`From: ${agentEmail}\r\nTo: ${seeded.replyTo}\r\nSubject: Re: VPN`, "Click this link to log in."),
    );
    expect({ status: row.status, reason: row.reason }).toEqual({ status: "review", reason: "staff_unverified" });
    expect(await comments(seeded.id)).toHaveLength(0);
  });

  it("posts an agent's reply through the reply address signed for that agent, as the agent", async () => {
    const seeded = await seedTicket(db(), config);
    const personal = replyAddress(supportAddress, seeded, await replyAddressSecret(db()), agentEmail);
    const row = await receive(
      mail(`From: ${agentEmail}\r\nTo: ${personal}\r\nSubject: Re: VPN`, "Update the VPN client, please."),
    );
    expect({ status: row.status, reason: row.reason }).toEqual({ status: "processed", reason: "reply" });
    const posted = await comments(seeded.id);
    expect(posted.map((c) => c.actor_name)).toEqual(["Agent Forged"]);
    expect((decodeJson(posted[0]?.payload) as { body: string }).body).toContain("Update the VPN client");
    // Someone else writing to the agent's personal address is neither the agent nor on the ticket.
    const other = await receive(mail(`From: mallory@example.com\r\nTo: ${personal}\r\nSubject: Re: VPN`, "Hi"));
    expect(other.ticket_id).not.toBe(seeded.id);
    expect(await comments(seeded.id)).toHaveLength(1);
  });

  it("signs the reply address of mail to an agent for that agent alone", async () => {
    const seeded = await seedTicket(db(), config);
    await db()
      .transaction()
      .execute((trx) =>
        queueMail(
          trx,
          {
            template: "t",
            to: agentEmail,
            ticketId: seeded.id,
            content: { subject: "s", text: "t", html: "<p>t</p>" },
          },
          { baseUrl: config.baseUrl, at: new Date().toISOString() },
        ),
      );
    const sent = await db()
      .selectFrom("mail_messages")
      .select("headers")
      .where("to_address", "=", agentEmail)
      .where("ticket_id", "=", seeded.id)
      .executeTakeFirstOrThrow();
    const headers = decodeJson(sent.headers) as Record<string, string>;
    expect(headers["Reply-To"]).toBe(replyAddress(supportAddress, seeded, await replyAddressSecret(db()), agentEmail));
    expect(headers["Reply-To"]).not.toBe(seeded.replyTo);
  });

  // Cut to the subject's and name's limits by UTF-16 units, a subject or sender name of emoji ended in half a
  // character: PostgreSQL refused the event's JSON and the mail was quarantined; SQLite kept a broken character.
  it("files a mail whose long subject and sender name are emoji, cut between characters", async () => {
    const encoded = (text: string) => `=?utf-8?B?${Buffer.from(text).toString("base64")}?=`;
    const row = await receive(
      mail(
        `From: ${encoded(`${"n".repeat(119)}${"🙂".repeat(20)}`)} <emoji.sender@example.com>\r\nTo: ${supportAddress}\r\nSubject: ${encoded(`${"a".repeat(199)}${"😀".repeat(100)}`)}`,
        "The printer prints only emoji.",
      ),
    );
    expect({ status: row.status, reason: row.reason }).toEqual({ status: "processed", reason: "new_ticket" });
    const ticket = await db()
      .selectFrom("tickets")
      .select(["subject", "requester_name"])
      .where("id", "=", row.ticket_id)
      .executeTakeFirstOrThrow();
    expect(ticket).toEqual({ subject: "a".repeat(199), requester_name: "n".repeat(119) });
  });

  // The portal copies only valid addresses, at most 20; mail copied whatever had an @ (an address literal that
  // sends the ticket's conversation to an internal host, a 300-character name) and dropped the rest silently.
  it("copies only valid addresses from a mail's recipients, at most 20, and says how many it left out", async () => {
    const colleagues = Array.from({ length: 25 }, (_, i) => `Colleague${i}@Example.com`);
    const row = await receive(
      mail(
        `From: cc.sender@example.com\r\nTo: ${supportAddress}\r\nCc: x@[127.0.0.1], a@b, ${"l".repeat(300)}@example.com, ${colleagues.join(", ")}\r\nSubject: Everyone`,
        "Please copy the whole team.",
      ),
    );
    expect({ status: row.status, reason: row.reason }).toEqual({ status: "processed", reason: "new_ticket" });
    const ccs = await db().selectFrom("ticket_ccs").select("email").where("ticket_id", "=", row.ticket_id).execute();
    expect(ccs.map((c) => c.email).toSorted()).toEqual(
      colleagues
        .slice(0, 20)
        .map((c) => c.toLowerCase())
        .toSorted(),
    );
    expect(row.detail).toContain("8 of the mail's other recipients were not copied");
  });

  // Our Message-IDs were looked for in the whole chain before the customer's own earlier mail: adding to a
  // follow-up by answering one's own mail (References: our mail on the closed request, then the follow-up's
  // message) matched the closed request first, and so opened yet another follow-up.
  it("threads a reply to the customer's own follow-up mail into the follow-up, not the closed request", async () => {
    const seeded = await seedTicket(db(), config);
    const closed = await db()
      .selectFrom("statuses")
      .select("id")
      .where("category", "=", "closed")
      .executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: closed.id }).where("id", "=", seeded.id).execute();
    const followUpId = `<follow-up-${engine}@example.com>`;
    const first = await receive(
      Buffer.from(
        `From: robin.guest@example.com\r\nTo: ${supportAddress}\r\nSubject: Re: VPN\r\nMessage-ID: ${followUpId}\r\nIn-Reply-To: ${seeded.messageId}\r\nReferences: ${seeded.messageId}\r\n\r\nThe VPN drops again.\r\n`,
      ),
    );
    expect({ status: first.status, reason: first.reason }).toEqual({ status: "processed", reason: "follow_up" });
    const second = await receive(
      Buffer.from(
        `From: robin.guest@example.com\r\nTo: ${supportAddress}\r\nSubject: Re: VPN\r\nMessage-ID: <forgot-${engine}@example.com>\r\nIn-Reply-To: ${followUpId}\r\nReferences: ${seeded.messageId} ${followUpId}\r\n\r\nForgot to say: since Monday.\r\n`,
      ),
    );
    expect({ status: second.status, reason: second.reason, ticket: second.ticket_id }).toEqual({
      status: "processed",
      reason: "reply",
      ticket: first.ticket_id,
    });
  });

  // A reply to a request an agent merged into another went to the merged (closed) request, so it opened a
  // follow-up: the duplicate the agent had just folded away came back as a new request.
  it("adds a reply to a merged request to the request it was merged into", async () => {
    const duplicate = await seedTicket(db(), config, { email: "merged.requester@example.com" });
    const original = await seedTicket(db(), config, { email: "original.requester@example.com" });
    const app = await buildTestApp(db(), engine);
    const agent = await signInAs(app, await buildAgent(db()));
    const merged = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${duplicate.number}/merge`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { into: original.number },
    });
    expect(merged.statusCode, merged.body).toBe(204);
    const row = await receive(
      Buffer.from(
        `From: merged.requester@example.com\r\nTo: ${duplicate.replyTo}\r\nSubject: Re: VPN\r\nMessage-ID: <after-merge-${engine}@example.com>\r\nIn-Reply-To: ${duplicate.messageId}\r\n\r\nAny news?\r\n`,
      ),
    );
    expect({ status: row.status, reason: row.reason, ticket: row.ticket_id }).toEqual({
      status: "processed",
      reason: "reply",
      ticket: original.id,
    });
    expect((await comments(original.id)).map((c) => (decodeJson(c.payload) as { body: string }).body)).toEqual([
      "Any news?",
    ]);
  });

  it("files a mail whose Subject and sender name carry a NUL, and an admin can see it in every state", async () => {
    const encoded = (text: string) => `=?utf-8?B?${Buffer.from(text).toString("base64")}?=`;
    const row = await receive(
      mail(
        `From: ${encoded("Nul\u0000 Sender")} <nul.sender@example.com>\r\nTo: ${supportAddress}\r\nSubject: ${encoded("Broken\u0000 printer")}`,
        "The printer is broken.",
      ),
    );
    expect({ status: row.status, subject: row.subject }).toEqual({ status: "processed", subject: "Broken printer" });
    const ticket = await db()
      .selectFrom("tickets")
      .select(["subject", "requester_name"])
      .where("id", "=", row.ticket_id)
      .executeTakeFirstOrThrow();
    expect(ticket).toEqual({ subject: "Broken printer", requester_name: "Nul Sender" });

    // A message still waiting (its job parked, say) is listed, and can be run again.
    const waiting = await storeInbound(db(), {
      mailboxId,
      raw: mail(`From: wait@example.com\r\nTo: ${supportAddress}\r\nSubject: Waiting`, "Still here."),
      source: "smtp",
      envelopeFrom: null,
    });
    const app = await buildTestApp(db(), engine);
    const admin = await signInAs(app, await buildAdmin(db()));
    const list = await app.inject({
      url: "/api/v1/admin/inbound-messages?status=received",
      headers: { cookie: admin.cookie },
    });
    expect(list.json().messages.map((m: { id: string }) => m.id)).toContain(waiting.id);
    const retried = await app.inject({
      method: "POST",
      url: `/api/v1/admin/inbound-messages/${waiting.id}/retry`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { mode: "route" },
    });
    expect(retried.statusCode, retried.body).toBeLessThan(300);
  });
});
