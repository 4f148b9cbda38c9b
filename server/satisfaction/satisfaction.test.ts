import { beforeAll, expect, it } from "vitest";
import type { AutomationRuleInput } from "../../common/automation.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { createRule } from "../automation/commands/manage-rules.ts";
import type { App } from "../http/types.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { saveSatisfactionSettings } from "./settings.ts";

const minutes = (n: number) => n * 60_000;

describeEachEngine("satisfaction surveys", ({ db, engine }) => {
  const config = testConfig();
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  const as = (
    client: SignedInClient | null,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {},
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const statusId = async (key: string) =>
    (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
  const move = async (number: number, key: string) =>
    expect(
      (await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: await statusId(key) })).statusCode,
    ).toBe(204);
  /** A ticket from a guest (no account): the survey is their only way to rate. */
  const guestTicket = async (email: string, overrides: Parameters<typeof buildSubmission>[1] = {}) =>
    (await as(null, "POST", "/api/v1/tickets", await buildSubmission(db(), { email, ...overrides }))).json()
      .number as number;
  /** Runs the due jobs as of `offsetMs` from now, the way the runner would then. */
  const runJobsAt = async (offsetMs: number) => {
    const clock = () => new Date(Date.now() + offsetMs);
    const runner = createJobRunner({
      db: db(),
      engine,
      clock,
      schedules: [],
      handlers: jobHandlers({ db: db(), engine, config }, devMailboxTransport(), clock),
    });
    await runner.runDue();
  };
  const surveysTo = (email: string) =>
    db()
      .selectFrom("mail_messages")
      .select(["subject", "text_body"])
      .where("to_address", "=", email)
      .where("template", "=", "satisfaction-survey")
      .execute();
  const surveyToken = async (email: string) => linkToken((await latestMailTo(db(), email))?.text_body, "/rate/");
  const ratings = async (number: number) => {
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    return db()
      .selectFrom("ticket_events")
      .select(["payload", "visibility", "actor_name"])
      .where("ticket_id", "=", ticket.id)
      .where("type", "=", "satisfaction_rated")
      .orderBy("id")
      .execute();
  };
  /** Solves a guest's ticket and lets the survey go out an hour later. */
  const surveyed = async (email: string, subject: string) => {
    const number = await guestTicket(email, { subject });
    await move(number, "solved");
    await runJobsAt(minutes(61));
    return { number, token: await surveyToken(email) };
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine, config);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });

  it("mails the survey an hour after the ticket is solved, not before, with a Good and a Bad link", async () => {
    const email = "one.hour@example.com";
    const number = await guestTicket(email, { subject: "Printer jammed" });
    await move(number, "solved");
    await runJobsAt(minutes(59));
    expect(await surveysTo(email)).toEqual([]);
    await runJobsAt(minutes(61));
    const [mail, ...more] = await surveysTo(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`[#${number}] How would you rate the support you received?`);
    const token = linkToken(mail?.text_body, "/rate/");
    expect(mail?.text_body).toContain(`/rate/${token}/good`);
    expect(mail?.text_body).toContain(`/rate/${token}/bad`);
    // A later run sends nothing more.
    await runJobsAt(minutes(120));
    expect(await surveysTo(email)).toHaveLength(1);
  });

  it("sends nothing when the ticket was reopened or closed before the delay, and once after a second solve", async () => {
    const email = "reopened@example.com";
    const reopened = await guestTicket(email, { subject: "Came back" });
    await move(reopened, "solved");
    await move(reopened, "open");
    await runJobsAt(minutes(61));
    expect(await surveysTo(email)).toEqual([]);
    await move(reopened, "solved");
    await runJobsAt(minutes(61));
    await runJobsAt(minutes(62));
    expect(await surveysTo(email)).toHaveLength(1);

    const closedEmail = "closed.early@example.com";
    const closed = await guestTicket(closedEmail, { subject: "Closed early" });
    await move(closed, "solved");
    await move(closed, "closed");
    await runJobsAt(minutes(61));
    expect(await surveysTo(closedEmail)).toEqual([]);
  });

  it("follows the admin's settings: the delay, groups and services without surveys, and the switch", async () => {
    const quiet = await createGroup(db(), { name: `Quiet ${Date.now()}` });
    const service = await db().selectFrom("services").select("id").executeTakeFirst();
    await saveSatisfactionSettings(
      db(),
      { enabled: true, delayMinutes: 10, excludedGroupIds: [quiet], excludedServiceIds: service ? [service.id] : [] },
      new Date().toISOString(),
    );
    try {
      const email = "ten.minutes@example.com";
      const soon = await guestTicket(email, { subject: "Quick one" });
      const inQuiet = await guestTicket("quiet.group@example.com", { subject: "Quiet group" });
      await db().updateTable("tickets").set({ group_id: quiet }).where("number", "=", inQuiet).execute();
      await move(soon, "solved");
      await move(inQuiet, "solved");
      await runJobsAt(minutes(11));
      expect(await surveysTo(email)).toHaveLength(1);
      expect(await surveysTo("quiet.group@example.com")).toEqual([]);
      if (service) {
        const fromService = await guestTicket("from.service@example.com", { subject: "Via a service" });
        await db().updateTable("tickets").set({ service_id: service.id }).where("number", "=", fromService).execute();
        await move(fromService, "solved");
        await runJobsAt(minutes(11));
        expect(await surveysTo("from.service@example.com")).toEqual([]);
      }

      // Switched off after solving: the job finds surveys off when it runs.
      const late = await guestTicket("switched.off@example.com", { subject: "Switched off" });
      await move(late, "solved");
      await saveSatisfactionSettings(
        db(),
        { enabled: false, delayMinutes: 10, excludedGroupIds: [], excludedServiceIds: [] },
        new Date().toISOString(),
      );
      await runJobsAt(minutes(11));
      expect(await surveysTo("switched.off@example.com")).toEqual([]);
    } finally {
      await saveSatisfactionSettings(
        db(),
        { enabled: true, delayMinutes: 60, excludedGroupIds: [], excludedServiceIds: [] },
        new Date().toISOString(),
      );
    }
  });

  it("opens the survey from its link only; altered and expired links get the same answer as unknown ones", async () => {
    const { number, token } = await surveyed("link.checks@example.com", "Link checks");
    const opened = await as(null, "GET", `/api/v1/satisfaction/${token}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ ticketNumber: number, subject: "Link checks", answer: null, canRate: true });
    expect(opened.json().reasons.length).toBeGreaterThan(0);

    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const unknown = await as(null, "GET", `/api/v1/satisfaction/${altered}`);
    expect(unknown.statusCode).toBe(404);
    const rated = await as(null, "POST", `/api/v1/satisfaction/${altered}`, { rating: "good" });
    expect(rated.statusCode).toBe(404);
    expect(rated.json()).toEqual(unknown.json());
    expect(await ratings(number)).toEqual([]);

    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    await db()
      .updateTable("satisfaction_surveys")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("ticket_id", "=", ticket.id)
      .execute();
    const expired = await as(null, "GET", `/api/v1/satisfaction/${token}`);
    expect(expired.statusCode).toBe(404);
    expect(expired.json()).toEqual(unknown.json());
  });

  it("offers the reasons for Bad in the reader's language: the shipped ones translated, an admin's own as written", async () => {
    const { token } = await surveyed("reasons.ar@example.com", "Reasons in Arabic");
    const admin = await signInAs(app, await buildAdmin(db()));
    const created = await as(admin, "POST", "/api/v1/admin/satisfaction-reasons", { label: "Nobody called back" });
    expect(created.statusCode).toBe(201);
    const read = async (language: string) =>
      (
        await app.inject({
          method: "GET",
          url: `/api/v1/satisfaction/${token}`,
          headers: { "accept-language": language },
        })
      ).json().reasons as { label: string }[];
    expect((await read("ar")).map((r) => r.label)).toEqual(
      expect.arrayContaining(["استغرق الأمر وقتًا طويلًا", "Nobody called back"]),
    );
    expect((await read("de")).map((r) => r.label)).toContain("Es hat zu lange gedauert");
    expect((await read("en")).map((r) => r.label)).toContain("It took too long");
    // An admin gives their own reason an Arabic label; deleting the reason takes its translations with it.
    const id = created.json().id as string;
    const translated = await as(admin, "PUT", `/api/v1/admin/translations/satisfaction-reason/${id}`, {
      ar: { label: "لم يتصل بي أحد" },
    });
    expect(translated.statusCode).toBe(204);
    expect((await read("ar")).map((r) => r.label)).toContain("لم يتصل بي أحد");
    expect((await as(admin, "DELETE", `/api/v1/admin/satisfaction-reasons/${id}`)).statusCode).toBe(204);
    const left = await db().selectFrom("content_translations").select("text").where("entity_id", "=", id).execute();
    expect(left).toEqual([]);
  });

  it("records one rating per ticket, changeable until the ticket closes, as an internal event in the agents' Feed", async () => {
    const { number, token } = await surveyed("changes.mind@example.com", "Changes mind");
    expect((await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "good" })).statusCode).toBe(204);
    // The same answer again (a second click on the link) counts once.
    expect((await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "good" })).statusCode).toBe(204);
    const reasons = (await as(null, "GET", `/api/v1/satisfaction/${token}`)).json().reasons as {
      id: string;
      label: string;
    }[];
    const reason = reasons[0] as { id: string; label: string };
    const bad = await as(null, "POST", `/api/v1/satisfaction/${token}`, {
      rating: "bad",
      comment: "  It broke again the next day.  ",
      reasonId: reason.id,
    });
    expect(bad.statusCode).toBe(204);
    const events = await ratings(number);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.visibility)).toEqual(["internal", "internal"]);
    expect(JSON.parse(String(events[1]?.payload))).toEqual({
      rating: "bad",
      previous: "good",
      comment: "It broke again the next day.",
      reason: reason.label,
    });

    // Agents see the answer on the ticket and in the Feed; the requester's public Feed does not list it.
    const onTicket = (await as(agent, "GET", `/api/v1/tickets/${number}/satisfaction`)).json();
    expect(onTicket.answer).toMatchObject({
      rating: "bad",
      reason: reason.label,
      comment: "It broke again the next day.",
    });
    expect(onTicket.canRate).toBe(false);
    const feed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as Record<string, unknown>[];
    expect(feed.filter((e) => e.type === "satisfaction_rated").at(-1)).toMatchObject({
      visibility: "internal",
      detail: `Rating: Bad (was Good) · Reason: ${reason.label}`,
      details: [
        { code: "rating", rating: "bad", previous: "good" },
        { code: "reason", reason: reason.label },
      ],
      body: "It broke again the next day.",
      format: "text",
    });

    // A reason that is not on the list is refused and changes nothing.
    const wrong = await as(null, "POST", `/api/v1/satisfaction/${token}`, {
      rating: "bad",
      reasonId: "no-such-reason",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ reasonId: "Choose a reason from the list." });

    await move(number, "closed");
    const afterClose = await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "good" });
    expect(afterClose.statusCode).toBe(409);
    expect(afterClose.json().error.message).toBe("This request is closed, so its rating can no longer be changed.");
    expect((await as(null, "GET", `/api/v1/satisfaction/${token}`)).json()).toMatchObject({
      canRate: false,
      answer: { rating: "bad" },
    });
    expect(await ratings(number)).toHaveLength(2);
  });

  it("lets the signed-in requester rate from their solved ticket, and no one else", async () => {
    const created = await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject: "Mine" }));
    const number = created.json().number as number;
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/satisfaction`, { rating: "good" })).statusCode).toBe(
      409,
    );
    await move(number, "solved");
    expect((await as(customer, "GET", `/api/v1/tickets/${number}/satisfaction`)).json()).toMatchObject({
      answer: null,
      canRate: true,
    });
    const stranger = await signInAs(app, await buildCustomer(db()));
    expect((await as(stranger, "POST", `/api/v1/tickets/${number}/satisfaction`, { rating: "bad" })).statusCode).toBe(
      404,
    );
    expect((await as(stranger, "GET", `/api/v1/tickets/${number}/satisfaction`)).statusCode).toBe(404);
    expect((await as(agent, "POST", `/api/v1/tickets/${number}/satisfaction`, { rating: "bad" })).statusCode).toBe(403);
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/satisfaction`, { rating: "good" })).statusCode).toBe(
      204,
    );
    expect(await ratings(number)).toEqual([
      expect.objectContaining({ actor_name: customer.user.name, visibility: "internal" }),
    ]);
    // Rated from the page before the survey went out: no survey follows.
    await runJobsAt(minutes(61));
    expect(await surveysTo(customer.user.email)).toEqual([]);
  });

  it("fires a 'rated Bad' trigger once per Bad answer: it mails the address it names and can reassign", async () => {
    const leads = await createGroup(db(), { name: `Leads ${Date.now()}` });
    const rule: AutomationRuleInput = {
      name: "Tell the lead",
      kind: "satisfaction_bad",
      active: true,
      position: 0,
      conditions: { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      statusCategory: null,
      afterBusinessDays: null,
      actions: { groupId: leads, priority: null, remindRequester: false, notifyEmail: "lead@example.com" },
    };
    const ruleId = await createRule(db(), rule);
    try {
      const { number, token } = await surveyed("unhappy@example.com", "Unhappy");
      const leadMails = () =>
        db()
          .selectFrom("mail_messages")
          .select(["subject", "text_body"])
          .where("to_address", "=", "lead@example.com")
          .where("template", "=", "satisfaction-rated-bad")
          .execute();
      await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "good" });
      expect(await leadMails()).toEqual([]);
      await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "bad", comment: "Slow answers" });
      await as(null, "POST", `/api/v1/satisfaction/${token}`, { rating: "bad", comment: "Very slow answers" });
      const mails = await leadMails();
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(`[#${number}] Rated Bad: Unhappy`);
      expect(mails[0]?.text_body).toContain("Slow answers");
      const ticket = await db()
        .selectFrom("tickets")
        .select("group_id")
        .where("number", "=", number)
        .executeTakeFirst();
      expect(ticket?.group_id).toBe(leads);
    } finally {
      await db().deleteFrom("automation_rules").where("id", "=", ruleId).execute();
    }
  });

  it("limits how often one link (and one client) may be tried", async () => {
    const limited = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const token = "a".repeat(43);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await limited.inject({ method: "GET", url: `/api/v1/satisfaction/${token}` })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    await limited.close();
  });
});
