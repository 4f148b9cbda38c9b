import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "../accounts/commands/create-user.ts";
import { anonymous } from "../core/actor.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { startSmtpServer } from "../test/smtp.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { devMailboxTransport, type SmtpTimeouts, smtpTransport } from "./transport.ts";

describeEachEngine("mail delivery", ({ db, engine }) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  const context = () => ({ db: db(), engine, config: testConfig({ smtpUrl: smtp.url, devMailbox: "off" }) });
  /** A job runner sending through the test's SMTP server, on `clock` when given, with these SMTP timeouts. */
  const smtpRunner = (clock?: () => Date, timeouts?: SmtpTimeouts, jobTimeoutMs?: number) =>
    createJobRunner({
      db: db(),
      engine,
      handlers: jobHandlers(context(), smtpTransport(smtp.url, timeouts)),
      ...(clock ? { clock } : {}),
      ...(jobTimeoutMs ? { jobTimeoutMs } : {}),
    });

  it("sends the requester a confirmation with the ticket number through SMTP", async () => {
    // A confirmed address gets its request echoed (a stranger's would get a receipt without the text).
    await createUser(db(), {
      email: "robin.guest@example.com",
      name: "Robin Guest",
      password: "long enough pw",
      licence: "customer",
    });
    const { number } = await submitTicket(
      context(),
      anonymous,
      await buildSubmission(db(), { subject: "Broken <b>chair</b>" }),
    );
    expect(smtp.received).toHaveLength(0); // nothing leaves before the runner picks it up
    await smtpRunner().runDue();
    const raw = smtp.received.find((m) => m.raw.includes(`[#${number}]`));
    expect(raw?.to).toEqual(["robin.guest@example.com"]);
    const mail = await simpleParser(raw?.raw ?? "");
    expect(mail.subject).toBe(`[#${number}] We received your request: Broken <b>chair</b>`);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    // Ticket mail threads: a per-ticket Message-ID, and References to the ticket's thread root.
    expect(mail.messageId).toMatch(/^<ticket-([0-9a-f-]{36})\.[0-9a-f-]{36}@localhost>$/);
    const ticketId = /^<ticket-([0-9a-f-]{36})\./.exec(mail.messageId ?? "")?.[1];
    expect(mail.references).toBe(`<ticket-${ticketId}@localhost>`);
    expect(mail.text).toContain(`given the ticket number #${number}`);
    // What the customer typed is escaped in the HTML part, never markup.
    expect(mail.html).toContain("Broken &lt;b&gt;chair&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>chair</b>");
    const stored = await db()
      .selectFrom("mail_messages")
      .selectAll()
      .where("subject", "like", `[#${number}]%`)
      .executeTakeFirstOrThrow();
    expect(stored.sent_at).not.toBeNull();
    expect(stored.transport).toBe("smtp");
  });

  it("keeps a message the SMTP server refused and delivers it on a later attempt", async () => {
    const { number } = await submitTicket(context(), anonymous, await buildSubmission(db()));
    smtp.refuseNext(1);
    let now = new Date();
    const runner = smtpRunner(() => now);
    await runner.runDue();
    expect(smtp.received.some((m) => m.raw.includes(`[#${number}]`))).toBe(false);
    const job = await db().selectFrom("jobs").selectAll().where("status", "=", "pending").executeTakeFirstOrThrow();
    expect(job.last_error).toContain("Try again later");
    now = new Date(now.getTime() + 60_000);
    await runner.runDue();
    expect(smtp.received.filter((m) => m.raw.includes(`[#${number}]`))).toHaveLength(1);
  });

  // Before, a permanent refusal was asked again 19 times over ten hours, and nobody was told until then.
  it("parks a message the SMTP server refused for good (5xx) at once, with the server's answer", async () => {
    smtp.refuseRecipient("nobody.here@example.com");
    await submitTicket(context(), anonymous, await buildSubmission(db(), { email: "nobody.here@example.com" }));
    let now = new Date();
    const runner = smtpRunner(() => now);
    await runner.runDue();
    now = new Date(now.getTime() + 24 * 60 * 60_000);
    await runner.runDue();
    const mail = await db()
      .selectFrom("mail_messages")
      .select("id")
      .where("to_address", "=", "nobody.here@example.com")
      .executeTakeFirstOrThrow();
    const jobs = (await db().selectFrom("jobs").selectAll().where("kind", "=", "mail.send").execute()).filter((job) =>
      JSON.stringify(job.payload).includes(mail.id),
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "failed", attempts: 1 });
    expect(jobs[0]?.last_error).toMatch(/refused the message to nobody\.here@example\.com for good/);
    expect(jobs[0]?.last_error).toContain("550");
    expect(smtp.received.some((m) => m.to.includes("nobody.here@example.com"))).toBe(false);
  });

  // Before, the send timed out after 20 s of silence, counted as failed although the server had the message,
  // and the job sent it again on each retry: up to 20 copies.
  it("does not send a message again when the SMTP server had it all but answered too late", async () => {
    await submitTicket(context(), anonymous, await buildSubmission(db()));
    smtp.keepWithoutAnswer(1);
    const before = smtp.received.length;
    let now = new Date();
    // The socket timeout shortened for the test: the server stays silent past it after the end of DATA.
    const runner = smtpRunner(() => now, { connectionMs: 5000, greetingMs: 5000, socketMs: 300 });
    await runner.runDue();
    const received = smtp.received.length;
    expect(received).toBeGreaterThan(before);
    // A day later, every retry would have been due: nothing is sent again.
    now = new Date(now.getTime() + 24 * 60 * 60_000);
    await runner.runDue();
    expect(smtp.received.length).toBe(received);
    // Parked at once for an admin, with the reason, instead of being retried.
    // (Jobs other tests of this file parked for other reasons are left out.)
    const parked = (await db().selectFrom("jobs").selectAll().where("status", "=", "failed").execute()).filter(
      (job) => !job.last_error?.includes("for good"),
    );
    expect(parked).toHaveLength(1);
    expect(parked[0]?.kind).toBe("mail.send");
    expect(parked[0]?.last_error).toMatch(/may have delivered it, so it is not sent again/);
  });

  // Before, the job's timeout only stopped the runner waiting: the send ran on, the job was retried beside it,
  // and the retry sent the message a second time.
  it("does not send a message again when its send outlives the job's timeout", async () => {
    await db().deleteFrom("jobs").execute();
    await submitTicket(context(), anonymous, await buildSubmission(db()));
    smtp.keepWithoutAnswer(1);
    const before = smtp.received.length;
    let now = new Date();
    // The job's timeout, not the SMTP session's, is what runs out here.
    const runner = smtpRunner(() => now, { connectionMs: 5000, greetingMs: 5000, socketMs: 60_000 }, 300);
    await runner.runDue();
    const received = smtp.received.length;
    expect(received).toBeGreaterThan(before);
    now = new Date(now.getTime() + 24 * 60 * 60_000);
    await runner.runDue();
    expect(smtp.received.length).toBe(received);
    const parked = await db().selectFrom("jobs").selectAll().where("status", "=", "failed").execute();
    expect(parked).toHaveLength(1);
    expect(parked[0]?.last_error).toMatch(/may have delivered it, so it is not sent again/);
  });

  it("keeps messages in the dev mailbox when there is no SMTP server, for those allowed to read it", async () => {
    const config = testConfig({ devMailbox: "admins" });
    const app = await buildTestApp(db(), engine, config);
    const { number } = await submitTicket({ db: db(), config }, anonymous, await buildSubmission(db()));
    await createJobRunner({
      db: db(),
      engine,
      handlers: jobHandlers({ db: db(), engine, config }, devMailboxTransport()),
    }).runDue();

    const admin = await signInAs(app, await buildAdmin(db()));
    const list = await app.inject({ method: "GET", url: "/api/v1/dev-mailbox", headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    const summary = list.json().messages.find((m: { subject: string }) => m.subject.startsWith(`[#${number}]`));
    expect(summary).toMatchObject({ to: "robin.guest@example.com" });
    expect(summary.sentAt).not.toBeNull();
    const one = await app.inject({
      method: "GET",
      url: `/api/v1/dev-mailbox/${summary.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(one.json().text).toContain(`ticket number #${number}`);

    const customer = await signInAs(app, await buildCustomer(db()));
    for (const headers of [{}, { cookie: customer.cookie }]) {
      expect((await app.inject({ method: "GET", url: "/api/v1/dev-mailbox", headers })).statusCode).toBe(404);
      expect((await app.inject({ method: "GET", url: `/api/v1/dev-mailbox/${summary.id}`, headers })).statusCode).toBe(
        404,
      );
    }
  });

  it("hides the dev mailbox entirely when real SMTP is configured", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ smtpUrl: smtp.url, devMailbox: "off" }));
    const admin = await signInAs(app, await buildAdmin(db()));
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/dev-mailbox", headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(404);
  });

  it("emails an agent a ticket assigned to them, through SMTP, with a link to it", async () => {
    const app = await buildTestApp(db(), engine, context().config);
    const lead = await signInAs(app, await buildAdmin(db()));
    const colleague = await buildAgent(db());
    const { number } = await submitTicket(context(), anonymous, await buildSubmission(db(), { subject: "Desk phone" }));
    const assigned = await app.inject({
      method: "PATCH",
      url: `/api/v1/tickets/${number}`,
      headers: { cookie: lead.cookie, "x-csrf-token": lead.csrfToken },
      payload: { assigneeId: colleague.id },
    });
    expect(assigned.statusCode).toBe(204);
    await smtpRunner().runDue();
    const raw = smtp.received.find((m) => m.to.includes(colleague.email));
    const mail = await simpleParser(raw?.raw ?? "");
    expect(mail.subject).toBe(`[#${number}] Assigned to you: Desk phone`);
    expect(mail.text).toContain(`http://localhost:3000/agent/tickets/${number}`);
  });
});
