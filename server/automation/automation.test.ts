import { expect, it } from "vitest";
import type { AutomationRuleInput } from "../../common/automation.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { anonymous } from "../core/actor.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { schedules } from "../jobs/schedules.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { addBusinessMinutes, fallbackCalendar } from "../sla/calendar.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { moveToStatus } from "../tickets/lifecycle.ts";
import { createRule } from "./commands/manage-rules.ts";
import { listRuns } from "./queries.ts";

const anyTicket = { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] };
const rule = (overrides: Partial<AutomationRuleInput>): AutomationRuleInput => ({
  name: "A rule",
  kind: "trigger",
  active: true,
  position: 0,
  conditions: anyTicket,
  statusCategory: null,
  afterBusinessDays: null,
  actions: { groupId: null, priority: null, remindRequester: false },
  ...overrides,
});

describeEachEngine("triggers and time rules", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });
  const newTicket = async (overrides: Parameters<typeof buildSubmission>[1] = {}) => {
    const { number } = await submitTicket(ctx(), anonymous, await buildSubmission(db(), overrides));
    return db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
  };

  it("assigns new urgent tickets to a group and raises the priority of low ones, with a log", async () => {
    const oncall = await createGroup(db(), { name: "On call" });
    await createRule(
      db(),
      rule({
        name: "Urgent to on call",
        conditions: { ...anyTicket, priorities: ["urgent"] },
        actions: { groupId: oncall, priority: null, remindRequester: false },
      }),
    );
    const inactive = await createRule(db(), rule({ name: "Switched off", active: false }));
    expect(inactive).toBeTruthy();

    const urgent = await newTicket({ priority: "urgent", subject: "Site down" });
    const normal = await newTicket({ priority: "medium", subject: "Question" });
    expect(urgent.group_id).toBe(oncall);
    expect(normal.group_id).toBeNull();
    const event = await db()
      .selectFrom("ticket_events")
      .selectAll()
      .where("ticket_id", "=", urgent.id)
      .where("type", "=", "automation_applied")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_name: "Automation: Urgent to on call", visibility: "internal" });
    const log = await listRuns(db());
    expect(log.find((r) => r.ticketNumber === urgent.number)).toMatchObject({
      rule: "Urgent to on call",
      summary: "assigned to On call",
    });
    expect(log.some((r) => r.ticketNumber === normal.number)).toBe(false);
  });

  it("changes the priority before the SLA targets are set, so the ticket gets the new priority's targets", async () => {
    await createRule(
      db(),
      rule({
        name: "Everything from VIPs is high",
        conditions: { ...anyTicket, priorities: ["low"] },
        position: 5,
        actions: { groupId: null, priority: "high", remindRequester: false },
      }),
    );
    const ticket = await newTicket({ priority: "low", subject: "VIP" });
    expect(ticket.priority).toBe("high");
    // High's target: four business hours on the default calendar.
    const fourHours = addBusinessMinutes(fallbackCalendar, new Date(ticket.created_at), 4 * 60).toISOString();
    expect(ticket.first_response_due_at).toBe(fourHours);
  });

  it("reminds a customer once after 5 business days of waiting, whoever runs the check", async () => {
    await createRule(
      db(),
      rule({
        name: "Nudge after a week",
        kind: "time_rule",
        statusCategory: "pending",
        afterBusinessDays: 5,
        actions: { groupId: null, priority: null, remindRequester: true },
      }),
    );
    const ticket = await newTicket({ subject: "Which printer?", email: "waiting.customer@example.com" });
    await db()
      .transaction()
      .execute(async (trx) => {
        const waiting = await trx
          .selectFrom("statuses")
          .select(["id", "customer_label", "category"])
          .where("key", "=", "waiting_for_customer")
          .executeTakeFirstOrThrow();
        // Waiting from Monday 2 November 2026, 10:00 UTC: five business days end on Monday 9 November, 10:00.
        await moveToStatus(
          trx,
          config,
          anonymous,
          { ...ticket, category: "new" },
          waiting,
          "agent",
          "2026-11-02T10:00:00.000Z",
        );
      });
    let now = new Date("2026-11-09T09:55:00.000Z");
    const clock = () => now;
    const runner = () =>
      createJobRunner({
        db: db(),
        engine,
        clock,
        schedules,
        handlers: jobHandlers(ctx(), devMailboxTransport(), clock),
      });
    const [a, b] = [runner(), runner()];
    const reminders = () =>
      db()
        .selectFrom("mail_messages")
        .select("subject")
        .where("to_address", "=", "waiting.customer@example.com")
        .where("template", "=", "waiting-reminder")
        .execute();
    await Promise.all([a.runDue(), b.runDue()]);
    expect(await reminders()).toHaveLength(0);
    now = new Date("2026-11-09T10:00:00.000Z");
    await Promise.all([a.runDue(), b.runDue()]);
    now = new Date("2026-11-09T10:05:00.000Z");
    await Promise.all([a.runDue(), b.runDue()]);
    expect(await reminders()).toEqual([
      { subject: `[#${ticket.number}] We are waiting for your reply: Which printer?` },
    ]);
    const log = (await listRuns(db())).filter((r) => r.ticketNumber === ticket.number);
    expect(log).toEqual([
      expect.objectContaining({ rule: "Nudge after a week", summary: "reminder sent to the requester" }),
    ]);
  });
});
