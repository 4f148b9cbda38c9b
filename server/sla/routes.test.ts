import { expect, it } from "vitest";
import { newId } from "../db/ids.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";
import { addBusinessMinutes, fallbackCalendar } from "./calendar.ts";

describeEachEngine("service levels through the API", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  let customer: SignedInClient;
  const as = (client: SignedInClient, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const submit = async (priority: "low" | "urgent", subject = "Help") =>
    (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { priority, subject }))).json()
      .number as number;

  it("shows agents the targets and customers none, and meets the first response with a public reply only", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    const number = await submit("urgent", "Everything is down");
    const forAgent = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(forAgent.serviceLevel).toMatchObject({ policy: "Urgent", paused: false, overdue: false });
    // One business hour on the default calendar (the same hours as the fallback one).
    expect(forAgent.serviceLevel.firstResponseDueAt).toBe(
      addBusinessMinutes(fallbackCalendar, new Date(forAgent.createdAt), 60).toISOString(),
    );
    expect(forAgent.dueAt).toBe(forAgent.serviceLevel.firstResponseDueAt);
    expect((await as(customer, "GET", `/api/v1/tickets/${number}`)).json().serviceLevel).toBeNull();
    const listed = (await as(agent, "GET", "/api/v1/tickets?limit=5")).json().tickets;
    expect(listed.find((t: { number: number }) => t.number === number)).toMatchObject({
      dueAt: forAgent.dueAt,
      overdue: false,
    });

    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Looking", kind: "note" });
    expect((await as(agent, "GET", `/api/v1/tickets/${number}`)).json().serviceLevel.firstRespondedAt).toBeNull();
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "On it", kind: "public" });
    const answered = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(answered.serviceLevel.firstRespondedAt).not.toBeNull();
    expect(answered.dueAt).toBeNull();
  });

  it("pauses the clock while waiting for the customer", async () => {
    const number = await submit("urgent");
    const waiting = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "waiting_for_customer")
      .executeTakeFirstOrThrow();
    expect((await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: waiting.id })).statusCode).toBe(
      204,
    );
    const paused = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(paused.serviceLevel).toMatchObject({ paused: true, dueAt: null, overdue: false });
    // The customer answers: the ticket reopens and the clock runs again.
    await as(customer, "POST", `/api/v1/tickets/${number}/comments`, { body: "Here you go" });
    const running = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(running.serviceLevel.paused).toBe(false);
    expect(running.dueAt).not.toBeNull();
  });

  it("lets an admin set up a business-hours calendar and a policy that uses it", async () => {
    const badZone = await as(admin, "POST", "/api/v1/admin/calendars", {
      name: "Nowhere",
      timeZone: "Mars/Olympus_Mons",
      hours: [],
      holidays: [],
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.fields).toEqual({ timeZone: "Choose a time zone from the list." });
    const backwards = await as(admin, "POST", "/api/v1/admin/calendars", {
      name: "Backwards",
      timeZone: "UTC",
      hours: [{ day: 1, start: "17:00", end: "09:00" }],
      holidays: [],
    });
    expect(backwards.statusCode).toBe(400);

    const created = await as(admin, "POST", "/api/v1/admin/calendars", {
      name: "Sydney desk",
      timeZone: "Australia/Sydney",
      hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: "08:30", end: "17:00" })),
      holidays: ["2026-12-25", "2026-12-28"],
    });
    expect(created.statusCode).toBe(201);
    const calendarId = created.json().id;
    const policy = await as(admin, "POST", "/api/v1/admin/sla-policies", {
      name: "Low, Sydney hours",
      position: 0,
      conditions: { priorities: ["low"] },
      firstResponseMinutes: 120,
      resolutionMinutes: 600,
      businessTime: true,
      calendarId,
    });
    expect(policy.statusCode).toBe(201);
    const policies = (await as(admin, "GET", "/api/v1/admin/sla-policies")).json().policies;
    const mine = policies.find((p: { id: string }) => p.id === policy.json().id);
    expect(mine).toMatchObject({ name: "Low, Sydney hours", businessTime: true, calendarId });

    const number = await submit("low");
    const level = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json().serviceLevel;
    expect(level.policy).toBe("Low, Sydney hours");
    expect(level.resolutionDueAt).not.toBeNull();

    // The default calendar stays the default until another takes over, and cannot be deleted.
    const calendars = (await as(admin, "GET", "/api/v1/admin/calendars")).json().calendars;
    const fallback = calendars.find((c: { isDefault: boolean }) => c.isDefault);
    expect((await as(admin, "DELETE", `/api/v1/admin/calendars/${fallback.id}`)).statusCode).toBe(409);
    expect((await as(admin, "DELETE", `/api/v1/admin/calendars/${calendarId}`)).statusCode).toBe(204);
    const after = (await as(admin, "GET", "/api/v1/admin/sla-policies"))
      .json()
      .policies.find((p: { id: string }) => p.id === policy.json().id);
    expect(after.calendarId).toBeNull();
  });

  it("lets an admin choose which statuses stop the clock; new waiting statuses stop it from the start", async () => {
    const created = await as(admin, "POST", "/api/v1/admin/statuses", {
      agentLabel: "Waiting for vendor",
      customerLabel: "Waiting for a supplier",
      category: "on_hold",
    });
    expect(created.statusCode).toBe(201);
    const statuses = async () =>
      (await as(admin, "GET", "/api/v1/admin/sla-statuses")).json().statuses as { id: string; pausesClock: boolean }[];
    expect((await statuses()).find((s) => s.id === created.json().id)?.pausesClock).toBe(true);
    expect(
      (await as(admin, "PUT", `/api/v1/admin/sla-statuses/${created.json().id}`, { pausesClock: false })).statusCode,
    ).toBe(204);
    expect((await statuses()).find((s) => s.id === created.json().id)?.pausesClock).toBe(false);
  });

  it("shows admins failed jobs with their error and runs them again", async () => {
    const id = newId();
    const at = new Date().toISOString();
    await db()
      .insertInto("jobs")
      .values({
        id,
        kind: "mail.send",
        payload: "{}",
        status: "failed",
        attempts: 8,
        max_attempts: 8,
        run_at: at,
        last_error: "Connection refused",
        created_at: at,
        finished_at: at,
      })
      .execute();
    const overview = (await as(admin, "GET", "/api/v1/admin/jobs")).json();
    expect(overview.counts.failed).toBeGreaterThanOrEqual(1);
    expect(overview.failed.find((j: { id: string }) => j.id === id)).toMatchObject({
      lastError: "Connection refused",
      attempts: 8,
    });
    expect(overview.counts.pending).toBeGreaterThan(0); // the mail of the tickets above, no runner in this test
    expect(overview.oldestPendingSeconds).toBeGreaterThanOrEqual(0);

    expect((await as(admin, "POST", `/api/v1/admin/jobs/${id}/rerun`)).statusCode).toBe(204);
    const job = await db().selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "pending", attempts: 0 });
    expect((await as(admin, "POST", `/api/v1/admin/jobs/${id}/rerun`)).statusCode).toBe(409);
    expect((await as(agent, "GET", "/api/v1/admin/jobs")).statusCode).toBe(403);
  });
});
