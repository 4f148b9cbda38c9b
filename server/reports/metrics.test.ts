import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Actor } from "../core/actor.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAgent, buildCustomer, buildSubmission, statusIdIn, testConfig } from "../test/factories.ts";
import { addComment } from "../tickets/commands/add-comment.ts";
import { changeStatus } from "../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { recordEvent } from "../tickets/events.ts";
import { backfillMetrics } from "./backfill.ts";

/**
 * A low-priority ticket worked through a week on the default calendar
 * (Monday to Friday, 09:00–17:00 UTC) with a resolution target of 16
 * business hours. Every expected figure is worked out by hand in the comments.
 */
describeEachEngine("ticket metrics", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });
  let agent: Actor;
  let customer: Actor;
  const at = (iso: string) => vi.setSystemTime(new Date(iso));

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    agent = await actorOf(db(), await buildAgent(db()));
    customer = await actorOf(db(), await buildCustomer(db()));
    await db()
      .updateTable("sla_policies")
      .set({ resolution_minutes: 16 * 60 })
      .where("name", "=", "Low")
      .execute();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const statusIn = (category: StatusCategory) => statusIdIn(db(), category);
  const metricsOf = (number: number) =>
    db()
      .selectFrom("ticket_metrics")
      .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
      .selectAll("ticket_metrics")
      .where("tickets.number", "=", number)
      .executeTakeFirstOrThrow();
  const reply = (number: number, actor: Actor, body: string) =>
    addComment(ctx(), actor, number, { body, format: "text", kind: "public" });

  it("records reply, resolution and waiting times in calendar and business minutes, through pauses and a reopen", async () => {
    // Friday 16:00. Resolution due after 16 business hours: Friday 1 + Monday 8 + Tuesday 7 → Tuesday 16:00.
    at("2026-11-27T16:00:00.000Z");
    const { number } = await submitTicket(ctx(), customer, await buildSubmission(db(), { priority: "low" }));
    expect(await metricsOf(number)).toMatchObject({
      status_category: "new",
      resolution_due_at: "2026-12-01T16:00:00.000Z",
      first_reply_at: null,
    });

    // Monday 10:00: the agent answers and waits for the customer. 66 calendar hours; business: Fri 1 h + Mon 1 h.
    at("2026-11-30T10:00:00.000Z");
    await reply(number, agent, "Could you send a screenshot?");
    await changeStatus(ctx(), agent, number, await statusIn("pending"));
    // Monday 15:00: the customer answers, the ticket opens again. The clock stood still 5 business hours,
    // so the 14 left (Mon 7 + Tue 7) run from 15:00: Mon 2 + Tue 8 + Wed 4 → Wednesday 13:00.
    at("2026-11-30T15:00:00.000Z");
    await reply(number, customer, "Here it is.");
    // Monday 16:00 → Tuesday 10:00 on hold: 18 calendar hours, 2 business (Mon 16–17, Tue 9–10).
    at("2026-11-30T16:00:00.000Z");
    await changeStatus(ctx(), agent, number, await statusIn("on_hold"));
    at("2026-12-01T10:00:00.000Z");
    await changeStatus(ctx(), agent, number, await statusIn("open"));
    // 13 business hours were left at Monday 16:00 (Mon 1 + Tue 8 + Wed 4): from Tuesday 10:00 → Wednesday 15:00.
    // Tuesday 14:00: solved. 94 calendar hours since Friday 16:00; business Fri 1 + Mon 8 + Tue 5 = 14 h.
    at("2026-12-01T14:00:00.000Z");
    await changeStatus(ctx(), agent, number, await statusIn("solved"));

    const solved = await metricsOf(number);
    expect(solved).toMatchObject({
      first_reply_at: "2026-11-30T10:00:00.000Z",
      first_reply_minutes: 66 * 60,
      first_reply_business_minutes: 2 * 60,
      first_reply_breached: 0,
      // 48 business hours from Friday 16:00 end on Monday 7 December 16:00; 46 were left at the reply.
      first_reply_sla_margin_business_minutes: 46 * 60,
      solved_at: "2026-12-01T14:00:00.000Z",
      full_resolution_minutes: 94 * 60,
      full_resolution_business_minutes: 14 * 60,
      resolution_breached: 0,
      // Due Wednesday 15:00: 25 calendar hours to spare, 9 business (Tue 3 + Wed 6).
      resolution_sla_margin_minutes: 25 * 60,
      resolution_sla_margin_business_minutes: 9 * 60,
      // New Fri 16:00 → Mon 10:00 (66 h, 2 business), open Mon 15–16 (1 h), on hold 18 h (2 business), open Tue 10–14 (4 h).
      requester_wait_minutes: (66 + 1 + 18 + 4) * 60,
      requester_wait_business_minutes: (2 + 1 + 2 + 4) * 60,
      agent_wait_minutes: 5 * 60,
      agent_wait_business_minutes: 5 * 60,
      on_hold_minutes: 18 * 60,
      on_hold_business_minutes: 2 * 60,
      replies: 1,
      // The reply and four status changes.
      agent_touches: 5,
      reopens: 0,
      status_category: "solved",
    });

    // Wednesday 09:30 the customer writes again (reopened); the agent solves it at 11:00.
    at("2026-12-02T09:30:00.000Z");
    await reply(number, customer, "It happened again.");
    at("2026-12-02T11:00:00.000Z");
    await changeStatus(ctx(), agent, number, await statusIn("solved"));
    const again = await metricsOf(number);
    // 9 business hours were left when it was solved on Tuesday 14:00; from Wednesday 09:30: Wed 7.5 + Thu 1.5 → Thursday 10:30.
    expect(again).toMatchObject({
      reopens: 1,
      solved_at: "2026-12-02T11:00:00.000Z",
      // Friday 16:00 → Wednesday 11:00: 115 hours; business Fri 1 + Mon 8 + Tue 8 + Wed 2 = 19 h.
      full_resolution_minutes: 115 * 60,
      full_resolution_business_minutes: 19 * 60,
      resolution_breached: 0,
      resolution_sla_margin_minutes: 23.5 * 60,
      resolution_sla_margin_business_minutes: 7.5 * 60,
      requester_wait_minutes: (89 + 1.5) * 60,
      requester_wait_business_minutes: (9 + 1.5) * 60,
      agent_touches: 6,
    });

    // The survey's answer (recorded by the satisfaction feature) lands on the row; a changed answer replaces it.
    const ticketId = again.ticket_id;
    for (const [rating, iso] of [
      ["bad", "2026-12-02T12:00:00.000Z"],
      ["good", "2026-12-02T13:00:00.000Z"],
    ] as const) {
      await db()
        .transaction()
        .execute((trx) =>
          recordEvent(
            trx,
            { config },
            {
              ticketId,
              type: "satisfaction_rated",
              actor: { id: null, name: "Robin Guest" },
              visibility: "public",
              payload: { rating, previous: rating === "good" ? "bad" : null, comment: `Felt ${rating}` },
              at: iso,
            },
          ),
        );
    }
    expect(await metricsOf(number)).toMatchObject({
      satisfaction_rating: "good",
      satisfaction_comment: "Felt good",
      satisfaction_rated_at: "2026-12-02T13:00:00.000Z",
    });

    const rollups = await db()
      .selectFrom("report_rollups")
      .select((eb) => [
        eb.fn.sum<number>("created").as("created"),
        eb.fn.sum<number>("solved").as("solved"),
        eb.fn.sum<number>("reopened").as("reopened"),
      ])
      .executeTakeFirstOrThrow();
    expect(Object.values(rollups).map(Number)).toEqual([1, 2, 1]);
  });

  it("a first reply after the target records the breach and by how much; the backfill gives the same rows, twice", async () => {
    // Urgent: one business hour. Friday 16:30 → due Monday 09:30; the reply comes Monday 11:00, 90 minutes late.
    at("2026-11-27T16:30:00.000Z");
    const { number } = await submitTicket(ctx(), customer, await buildSubmission(db(), { priority: "urgent" }));
    at("2026-11-30T11:00:00.000Z");
    await reply(number, agent, "Sorry for the wait.");
    const late = await metricsOf(number);
    expect(late).toMatchObject({
      first_reply_breached: 1,
      first_reply_sla_margin_minutes: -90,
      first_reply_sla_margin_business_minutes: -90,
      first_reply_business_minutes: 2.5 * 60,
    });

    const before = await db().selectFrom("ticket_metrics").selectAll().orderBy("ticket_id").execute();
    const rollupsBefore = await db()
      .selectFrom("report_rollups")
      .selectAll()
      .orderBy("hour")
      .orderBy("group_id")
      .orderBy("channel")
      .orderBy("priority")
      .orderBy("service_id")
      .execute();
    const hoursOf = () =>
      db().selectFrom("report_hours").selectAll().orderBy("slice").orderBy("hour").orderBy("group_id").execute();
    const hoursBefore = await hoursOf();
    // Every ticket's slice counts each once; the priority slices, which every ticket falls in, count each once more.
    const createdIn = (prefix: string) =>
      hoursBefore
        .filter((h) => (prefix === "" ? h.slice === "" : h.slice.startsWith(prefix)))
        .reduce((sum, h) => sum + h.created, 0);
    expect(createdIn("")).toBe(before.length);
    expect(createdIn("priority:")).toBe(before.length);
    expect(createdIn("channel:")).toBe(before.length);
    await db().deleteFrom("ticket_metrics").execute();
    await db().deleteFrom("report_rollups").execute();
    await db().deleteFrom("report_hours").execute();
    for (let run = 0; run < 2; run += 1) {
      const seen: number[] = [];
      await backfillMetrics(db(), (done) => seen.push(done));
      expect(seen.at(-1)).toBe(before.length);
      expect(await db().selectFrom("ticket_metrics").selectAll().orderBy("ticket_id").execute()).toEqual(before);
      expect(
        await db()
          .selectFrom("report_rollups")
          .selectAll()
          .orderBy("hour")
          .orderBy("group_id")
          .orderBy("channel")
          .orderBy("priority")
          .orderBy("service_id")
          .execute(),
      ).toEqual(rollupsBefore);
      expect(await hoursOf()).toEqual(hoursBefore);
    }
  });
});
