import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { anonymous } from "../core/actor.ts";
import { newId } from "../db/ids.ts";
import { businessHoursForUntouchedDefaults } from "../db/migrations/0017_agent_intake.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { schedules } from "../jobs/schedules.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAgent, buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { moveToStatus } from "../tickets/lifecycle.ts";
import { applyServiceLevels, recordFirstResponse } from "./ticket-clock.ts";

const minutes = (n: number) => n * 60_000;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describeEachEngine("service levels", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });

  /** A runner as main.ts starts one, on a clock the test moves. */
  const runnerAt = (clock: () => Date, leaseMs?: number) =>
    createJobRunner({
      db: db(),
      engine,
      handlers: jobHandlers(ctx(), devMailboxTransport(), clock),
      schedules,
      clock,
      ...(leaseMs ? { leaseMs } : {}),
    });

  const newTicket = async (overrides: Parameters<typeof buildSubmission>[1] = {}) => {
    const { number } = await submitTicket(ctx(), anonymous, await buildSubmission(db(), overrides));
    return db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
  };
  const reload = (id: string) => db().selectFrom("tickets").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  /** Moves a ticket the way an agent's status change does, at a chosen time. */
  const setStatus = (ticketId: string, key: string, at: string) =>
    db()
      .transaction()
      .execute(async (trx) => {
        const ticket = await trx
          .selectFrom("tickets")
          .innerJoin("statuses", "statuses.id", "tickets.status_id")
          .select([
            "tickets.id",
            "tickets.number",
            "tickets.subject",
            "tickets.requester_email",
            "tickets.requester_id",
            "tickets.status_id",
            "tickets.solved_at",
            "statuses.category",
          ])
          .where("tickets.id", "=", ticketId)
          .executeTakeFirstOrThrow();
        const to = await trx
          .selectFrom("statuses")
          .select(["id", "customer_label", "category"])
          .where("key", "=", key)
          .executeTakeFirstOrThrow();
        await moveToStatus(trx, config, anonymous, ticket, to, "agent", at);
      });

  /** Pretends the ticket came in at `at`, and lets the policies set its targets from there. */
  const createdAt = async (ticketId: string, at: string) => {
    await db().updateTable("tickets").set({ created_at: at }).where("id", "=", ticketId).execute();
    await db()
      .transaction()
      .execute((trx) => applyServiceLevels(trx, ticketId));
  };

  const events = (ticketId: string, type: string) =>
    db().selectFrom("ticket_events").selectAll().where("ticket_id", "=", ticketId).where("type", "=", type).execute();

  it("gives an urgent ticket a one-hour first-response target, met by the first public reply", async () => {
    // Monday 10:00 UTC, inside the default calendar's hours (Monday to Friday, 09:00–17:00 UTC).
    const monday = "2026-11-30T10:00:00.000Z";
    const ticket = { ...(await newTicket({ priority: "urgent" })), created_at: monday };
    await createdAt(ticket.id, monday);
    const targets = await reload(ticket.id);
    expect(targets.first_response_due_at).toBe("2026-11-30T11:00:00.000Z");
    expect(targets.due_at).toBe(targets.first_response_due_at);
    expect(targets.due_soon_at).toBe("2026-11-30T10:45:00.000Z");
    // 48 business hours are six working days of eight hours.
    const low = await newTicket({ priority: "low" });
    await createdAt(low.id, monday);
    expect((await reload(low.id)).first_response_due_at).toBe("2026-12-08T10:00:00.000Z");

    await db()
      .transaction()
      .execute((trx) => recordFirstResponse(trx, ticket.id, plus(ticket.created_at, minutes(20))));
    const answered = await reload(ticket.id);
    expect(answered.first_responded_at).toBe(plus(ticket.created_at, minutes(20)));
    expect(answered.due_at).toBeNull(); // The default policies have no resolution target: nothing left to miss.
  });

  it("counts the default policies in business hours: an urgent ticket late on Friday is due on Monday morning", async () => {
    const ticket = await newTicket({ priority: "urgent" });
    await createdAt(ticket.id, "2026-11-27T16:30:00.000Z");
    expect((await reload(ticket.id)).first_response_due_at).toBe("2026-11-30T09:30:00.000Z");
    const policies = await db().selectFrom("sla_policies").select(["name", "business_time"]).execute();
    expect(policies.filter((p) => ["Urgent", "High", "Medium", "Low"].includes(p.name))).toEqual(
      ["Urgent", "High", "Medium", "Low"].map((name) => ({ name, business_time: 1 })),
    );
  });

  it("moves only untouched default policies to business hours when upgrading", async () => {
    // As a help desk from before the change: every default in calendar time, and High edited by an admin.
    await db().updateTable("sla_policies").set({ business_time: 0 }).execute();
    await db()
      .updateTable("sla_policies")
      .set({ updated_at: "2026-06-01T00:00:00.000Z" })
      .where("name", "=", "High")
      .execute();
    await businessHoursForUntouchedDefaults(db() as unknown as Kysely<unknown>);
    const policies = await db()
      .selectFrom("sla_policies")
      .select(["name", "business_time"])
      .orderBy("position")
      .execute();
    expect(Object.fromEntries(policies.map((p) => [p.name, p.business_time]))).toMatchObject({
      Urgent: 1,
      High: 0,
      Medium: 1,
      Low: 1,
    });
    await db().updateTable("sla_policies").set({ business_time: 1 }).where("name", "=", "High").execute();
  });

  it("counts business-time targets across weekends and holidays, and stops the clock while waiting", async () => {
    const calendarId = newId();
    const at = "2026-01-01T00:00:00.000Z";
    await db()
      .insertInto("calendars")
      .values({
        id: calendarId,
        name: "Berlin office",
        time_zone: "Europe/Berlin",
        hours: JSON.stringify([1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" }))),
        holidays: JSON.stringify(["2026-12-24", "2026-12-25"]),
        is_default: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const service = (await newTicket()).service_id; // No service on the general form: match on priority instead.
    expect(service).toBeNull();
    await db()
      .insertInto("sla_policies")
      .values({
        id: newId(),
        name: "High, office hours",
        position: -1,
        conditions: JSON.stringify({ priorities: ["high"] }),
        first_response_minutes: 4 * 60,
        resolution_minutes: 16 * 60,
        business_time: 1,
        calendar_id: calendarId,
        created_at: at,
        updated_at: at,
      })
      .execute();

    const ticket = await newTicket({ priority: "high" });
    // Wednesday 23 Dec, 15:00 in Berlin (14:00 UTC).
    await createdAt(ticket.id, "2026-12-23T14:00:00.000Z");
    const set = await reload(ticket.id);
    // 2 h on Wednesday, then Thursday and Friday are holidays, the weekend, Monday 09:00 + 2 h = 11:00 Berlin.
    expect(set.first_response_due_at).toBe("2026-12-28T10:00:00.000Z");
    // 16 h: 2 on Wednesday, 8 on Monday, 6 on Tuesday = Tuesday 15:00 Berlin.
    expect(set.resolution_due_at).toBe("2026-12-29T14:00:00.000Z");
    expect(set.due_at).toBe("2026-12-28T10:00:00.000Z");

    // Waiting for the customer from Monday 10:00 to Tuesday 10:00 Berlin: 8 working hours stand still.
    await setStatus(ticket.id, "waiting_for_customer", "2026-12-28T09:00:00.000Z");
    const paused = await reload(ticket.id);
    expect(paused.sla_paused_at).toBe("2026-12-28T09:00:00.000Z");
    expect(paused.due_at).toBeNull();
    await setStatus(ticket.id, "open", "2026-12-29T09:00:00.000Z");
    const resumed = await reload(ticket.id);
    expect(resumed.sla_paused_at).toBeNull();
    // One working hour was left for the first response; thirteen for the resolution (7 on Tuesday, 6 on Wednesday).
    expect(resumed.first_response_due_at).toBe("2026-12-29T10:00:00.000Z");
    expect(resumed.resolution_due_at).toBe("2026-12-30T14:00:00.000Z");
    expect(resumed.due_at).toBe("2026-12-29T10:00:00.000Z");

    // On hold pauses too; a status whose switch is off does not.
    await db().updateTable("statuses").set({ pauses_sla: 0 }).where("key", "=", "on_hold").execute();
    await setStatus(ticket.id, "on_hold", "2026-12-29T09:30:00.000Z");
    expect((await reload(ticket.id)).due_at).toBe("2026-12-29T10:00:00.000Z");
    await db().updateTable("statuses").set({ pauses_sla: 1 }).where("key", "=", "on_hold").execute();
  });

  it("closes a solved ticket after exactly 3 business days, once, with two runners", async () => {
    const ticket = await newTicket({ subject: "Printer jam" });
    // Solved on Thursday 19 November at 14:00 UTC; the default calendar works Monday to Friday.
    await setStatus(ticket.id, "solved", "2026-11-19T14:00:00.000Z");
    expect((await reload(ticket.id)).auto_close_at).toBe("2026-11-24T14:00:00.000Z");

    let now = new Date("2026-11-24T13:59:00.000Z");
    const clock = () => now;
    const [a, b] = [runnerAt(clock), runnerAt(clock)];
    await Promise.all([a.runDue(), b.runDue()]);
    const status = async () =>
      (
        await db()
          .selectFrom("tickets")
          .innerJoin("statuses", "statuses.id", "tickets.status_id")
          .select("statuses.key")
          .where("tickets.id", "=", ticket.id)
          .executeTakeFirstOrThrow()
      ).key;
    expect(await status()).toBe("solved");

    now = new Date("2026-11-24T14:00:00.000Z");
    await Promise.all([a.runDue(), b.runDue()]);
    expect(await status()).toBe("closed");
    const closes = (await events(ticket.id, "status_changed")).filter((e) => String(e.payload).includes("auto_closed"));
    expect(closes).toHaveLength(1);
    expect(closes[0]?.actor_name).toBe("Switchboard (automatic)");
    // The requester is told, like any status change.
    const told = await db()
      .selectFrom("mail_messages")
      .select("subject")
      .where("to_address", "=", ticket.requester_email)
      .where("subject", "like", `[#${ticket.number}] Closed%`)
      .execute();
    expect(told).toHaveLength(1);
  });

  it("counts the reopen window and auto-close in the default calendar, holidays included", async () => {
    const calendar = await db()
      .selectFrom("calendars")
      .selectAll()
      .where("is_default", "=", 1)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("calendars")
      .set({ holidays: JSON.stringify(["2026-12-24", "2026-12-25"]) })
      .where("id", "=", calendar.id)
      .execute();
    try {
      const ticket = await newTicket({ subject: "Before the holidays" });
      // Solved Wednesday 23 December 11:00: Thursday and Friday are holidays, then the weekend.
      await setStatus(ticket.id, "solved", "2026-12-23T11:00:00.000Z");
      expect((await reload(ticket.id)).auto_close_at).toBe("2026-12-30T11:00:00.000Z");
    } finally {
      await db()
        .updateTable("calendars")
        .set({ holidays: String(calendar.holidays) })
        .where("id", "=", calendar.id)
        .execute();
    }
  });

  it("takes requests and solves them in a calendar without any working time, counting around the clock", async () => {
    const calendar = await db()
      .selectFrom("calendars")
      .selectAll()
      .where("is_default", "=", 1)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("calendars")
      .set({ hours: JSON.stringify([]) })
      .where("id", "=", calendar.id)
      .execute();
    try {
      // Before, every new urgent request failed here ("This calendar has no working hours."): lost, answered 500.
      const ticket = await newTicket({ priority: "urgent", subject: "No working hours" });
      await createdAt(ticket.id, "2026-11-28T10:00:00.000Z");
      expect((await reload(ticket.id)).first_response_due_at).toBe("2026-11-28T11:00:00.000Z");
      await setStatus(ticket.id, "solved", "2026-11-28T12:00:00.000Z");
      expect((await reload(ticket.id)).auto_close_at).toBe("2026-12-01T12:00:00.000Z");
    } finally {
      await db()
        .updateTable("calendars")
        .set({ hours: String(calendar.hours) })
        .where("id", "=", calendar.id)
        .execute();
    }
  });

  it("fires due and overdue alerts once per ticket, to subscribers and the group, with two runners", async () => {
    const group = await createGroup(db(), { name: `Desk ${newId().slice(-6)}` });
    const agent = await buildAgent(db());
    await db().insertInto("group_members").values({ group_id: group, user_id: agent.id }).execute();
    const ticket = await newTicket({ priority: "urgent", subject: "Server down" });
    await db().updateTable("tickets").set({ group_id: group }).where("id", "=", ticket.id).execute();
    for (const alert of ["ticket_due", "ticket_overdue"]) {
      await db()
        .insertInto("alert_subscriptions")
        .values({ ticket_id: ticket.id, subscriber: ticket.requester_email, alert, created_at: ticket.created_at })
        .execute();
    }
    const due = ticket.due_at ?? "";
    let now = new Date(plus(due, -minutes(20)));
    const clock = () => now;
    const [a, b] = [runnerAt(clock), runnerAt(clock)];
    await Promise.all([a.runDue(), b.runDue()]);
    expect(await events(ticket.id, "sla_due")).toHaveLength(0);

    now = new Date(plus(due, -minutes(10)));
    await Promise.all([a.runDue(), b.runDue()]);
    now = new Date(plus(due, minutes(1)));
    await Promise.all([a.runDue(), b.runDue()]);
    now = new Date(plus(due, minutes(2)));
    await Promise.all([a.runDue(), b.runDue()]);

    expect(await events(ticket.id, "sla_due")).toHaveLength(1);
    expect(await events(ticket.id, "sla_overdue")).toHaveLength(1);
    const mails = await db()
      .selectFrom("mail_messages")
      .select(["to_address", "subject"])
      .where("template", "in", ["alert-fired", "sla-alert"])
      .where("subject", "like", `[#${ticket.number}]%`)
      .orderBy("to_address")
      .orderBy("subject")
      .execute();
    expect(mails).toEqual([
      { to_address: agent.email, subject: `[#${ticket.number}] Ticket is due` },
      { to_address: agent.email, subject: `[#${ticket.number}] Ticket is overdue` },
      { to_address: ticket.requester_email, subject: `[#${ticket.number}] Alert: Ticket is due` },
      { to_address: ticket.requester_email, subject: `[#${ticket.number}] Alert: Ticket is overdue` },
    ]);
  });

  it("runs a check again when its runner died mid-way, without alerting twice", async () => {
    const ticket = await newTicket({ priority: "urgent", subject: "Mail down" });
    await db()
      .insertInto("alert_subscriptions")
      .values({
        ticket_id: ticket.id,
        subscriber: ticket.requester_email,
        alert: "ticket_overdue",
        created_at: ticket.created_at,
      })
      .execute();
    let now = new Date(plus(ticket.due_at ?? "", minutes(1)));
    const clock = () => now;
    // Runner A claims this minute's check, does its work, and dies before recording that it finished.
    const dying = createJobRunner({
      db: db(),
      engine,
      clock,
      schedules: schedules.filter((s) => s.kind === "sla.check"),
      leaseMs: minutes(5),
      handlers: {
        "sla.check": async () => {
          await jobHandlers(ctx(), devMailboxTransport(), clock)["sla.check"]({}, new AbortController().signal);
          throw new Error("killed");
        },
      },
    });
    await dying.runDue();
    const slot = await db()
      .selectFrom("jobs")
      .selectAll()
      .where("kind", "=", "sla.check")
      .where("run_at", "<=", now.toISOString())
      .orderBy("run_at", "desc")
      .executeTakeFirstOrThrow();
    // A crash leaves the job running under its lease; the failure path above must not have run, so put it back.
    await db()
      .updateTable("jobs")
      .set({ status: "running", attempts: 1, locked_until: plus(now.toISOString(), minutes(5)) })
      .where("id", "=", slot.id)
      .execute();

    now = new Date(now.getTime() + minutes(6));
    const survivor = runnerAt(clock);
    await survivor.runDue();
    const retried = await db().selectFrom("jobs").selectAll().where("id", "=", slot.id).executeTakeFirstOrThrow();
    expect(retried).toMatchObject({ status: "done", attempts: 2 });
    expect(await events(ticket.id, "sla_overdue")).toHaveLength(1);
    const alerts = await db()
      .selectFrom("mail_messages")
      .select("id")
      .where("to_address", "=", ticket.requester_email)
      .where("subject", "=", `[#${ticket.number}] Alert: Ticket is overdue`)
      .execute();
    expect(alerts).toHaveLength(1);
  });

  it("fires each schedule once per slot however many runners, and catches up after a restart", async () => {
    const slotJobs = (kind: string) =>
      db()
        .selectFrom("jobs")
        .select(["run_at", "status"])
        .where("kind", "=", kind)
        .where("run_at", ">=", "2030-01-01T00:00:00.000Z")
        .orderBy("run_at")
        .execute();
    let now = new Date("2030-03-04T10:15:30.000Z");
    const clock = () => now;
    const runners = [runnerAt(clock), runnerAt(clock), runnerAt(clock)];
    await Promise.all(runners.map((r) => r.runDue()));
    await Promise.all(runners.map((r) => r.runDue()));
    const cleanups = await slotJobs("maintenance.cleanup");
    expect(cleanups).toEqual([{ run_at: "2030-03-04T10:00:00.000Z", status: "done" }]);
    expect(await slotJobs("sla.check")).toEqual([{ run_at: "2030-03-04T10:15:00.000Z", status: "done" }]);

    // A ticket solved just before every instance went down for the night...
    const ticket = await newTicket({ subject: "Restart" });
    await setStatus(ticket.id, "solved", "2030-03-01T16:00:00.000Z"); // a Friday
    expect((await reload(ticket.id)).auto_close_at).toBe("2030-03-06T16:00:00.000Z");
    // ...and the first instance back, long after the slot that should have closed it, still does.
    now = new Date("2030-03-07T07:02:00.000Z");
    await runnerAt(clock).runDue();
    const key = await db()
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select("statuses.key")
      .where("tickets.id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    expect(key.key).toBe("closed");
    expect((await slotJobs("maintenance.cleanup")).map((j) => j.run_at)).toEqual([
      "2030-03-04T10:00:00.000Z",
      "2030-03-07T07:00:00.000Z",
    ]);
  });
});
