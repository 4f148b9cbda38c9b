import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { smtpTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildSubmission,
  buildTestApp,
  buildUser,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { startSmtpServer } from "../test/smtp.ts";

const minutes = (n: number) => n * 60_000;

describeEachEngine("group leads", ({ db, engine }) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  const config = () => testConfig({ smtpUrl: smtp.url, devMailbox: "off" });
  const as = (client: SignedInClient | null, method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: object) =>
    app.inject({
      method,
      url,
      headers: client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {},
      ...(body ? { payload: body as Record<string, unknown> } : {}),
    });
  /** Delivers the due mail through the SMTP server, as the runner would `offsetMs` from now. */
  const deliverAt = async (offsetMs: number) => {
    const clock = () => new Date(Date.now() + offsetMs);
    const handlers = jobHandlers({ db: db(), engine, config: config() }, smtpTransport(smtp.url), clock);
    await createJobRunner({ db: db(), engine, clock, schedules: [], handlers }).runDue();
  };
  const groups = async () =>
    (await as(admin, "GET", "/api/v1/admin/groups")).json().groups as {
      id: string;
      lead: { id: string; name: string } | null;
    }[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await buildTestApp(db(), engine, config());
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it("takes one of the group's agents as its lead, and forgets them when they leave the group", async () => {
    const lead = await buildUser(db(), "agent", "Lena Lead");
    const group = (await as(admin, "POST", "/api/v1/admin/groups", { name: "Second line" })).json().id as string;
    // Not in the group yet: refused, with the reason on the field.
    const early = await as(admin, "PUT", `/api/v1/admin/groups/${group}`, { name: "Second line", leadId: lead.id });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.leadId).toMatch(/one of the group's agents/);
    await as(admin, "PATCH", `/api/v1/admin/users/${lead.id}`, { groupIds: [group] });
    // Only an admin chooses a lead.
    expect(
      (await as(agent, "PUT", `/api/v1/admin/groups/${group}`, { name: "Second line", leadId: lead.id })).statusCode,
    ).toBe(403);
    const saved = await as(admin, "PUT", `/api/v1/admin/groups/${group}`, { name: "Second line", leadId: lead.id });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    expect((await groups()).find((g) => g.id === group)?.lead).toEqual({ id: lead.id, name: "Lena Lead" });
    // A rename that does not mention the lead keeps it.
    await as(admin, "PUT", `/api/v1/admin/groups/${group}`, { name: "Second line team" });
    expect((await groups()).find((g) => g.id === group)?.lead?.id).toBe(lead.id);

    await as(admin, "PATCH", `/api/v1/admin/users/${lead.id}`, { groupIds: [] });
    expect((await groups()).find((g) => g.id === group)?.lead).toBeNull();
  });

  it("mails the lead of the ticket's group through SMTP when its requester rates the support Bad", async () => {
    const lead = await buildUser(db(), "agent", "Gil Lead");
    const group = (await as(admin, "POST", "/api/v1/admin/groups", { name: "Field service" })).json().id as string;
    await as(admin, "PATCH", `/api/v1/admin/users/${lead.id}`, { groupIds: [group] });
    await as(admin, "PUT", `/api/v1/admin/groups/${group}`, { name: "Field service", leadId: lead.id });
    const rule = await as(admin, "POST", "/api/v1/admin/automation-rules", {
      name: "Bad rating to the lead",
      kind: "satisfaction_bad",
      conditions: { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      actions: { groupId: null, priority: null, remindRequester: false, notifyGroupLead: true },
    });
    expect(rule.statusCode, rule.body).toBe(201);

    const email = "grumpy@example.com";
    const number = (
      await as(null, "POST", "/api/v1/tickets", await buildSubmission(db(), { email, subject: "Heater broken" }))
    ).json().number as number;
    expect((await as(admin, "PATCH", `/api/v1/tickets/${number}`, { groupId: group })).statusCode).toBe(204);
    const solved = await db().selectFrom("statuses").select("id").where("key", "=", "solved").executeTakeFirstOrThrow();
    expect((await as(admin, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved.id })).statusCode).toBe(204);
    await deliverAt(minutes(61));
    const token = linkToken((await latestMailTo(db(), email))?.text_body, "/rate/");

    const rated = await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "bad", comment: "Still cold" });
    expect(rated.statusCode).toBe(204);
    await deliverAt(minutes(62));
    const sent = smtp.received.filter((m) => m.to.includes(lead.email));
    expect(sent).toHaveLength(1);
    const mail = await simpleParser(sent[0]?.raw ?? "");
    expect(mail.subject).toBe(`[#${number}] Rated Bad: Heater broken`);
    expect(mail.text).toContain("Still cold");
    const log = (await as(admin, "GET", "/api/v1/admin/automation-runs")).json().runs as {
      ticketNumber: number;
      summary: string;
    }[];
    expect(log.find((r) => r.ticketNumber === number)?.summary).toBe("group lead Gil Lead notified");
  });
});
