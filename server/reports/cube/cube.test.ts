import { afterEach, expect, it, vi } from "vitest";
import { type Report, type ReportQuery, reportKinds } from "../../../common/reports.ts";
import { ensureCategories } from "../../bootstrap.ts";
import { advanceSystemClock } from "../../clock.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { actorOf, buildAdmin, buildCustomer, buildSubmission, testConfig } from "../../test/factories.ts";
import { addComment } from "../../tickets/commands/add-comment.ts";
import { deleteTicket, purgeDeletedTickets } from "../../tickets/commands/delete-ticket.ts";
import { changeStatus } from "../../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../../tickets/commands/submit-ticket.ts";
import { updateTicket } from "../../tickets/commands/update-ticket.ts";
import { reportBuilders } from "../builders.ts";
import { seedDemoHistory } from "../demo-history.ts";
import { periodOf } from "../period.ts";
import type { ReportScope } from "../policy.ts";
import { buildReportCube } from "./build.ts";
import { forgetPurgedTickets } from "./dirty.ts";
import { planCube } from "./read.ts";

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeEachEngine("the report cube", ({ db, engine }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives every report the same figures as the metrics rows, built, changed since and built again", async () => {
    // A fixed day, running on from there: which days and months the cube holds depends on the date (on the 2nd
    // of a month every day of the year fell in a built month; in the hour after midnight yesterday is not built
    // yet), and the figures compared below must not depend on when the suite runs.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-17T12:00:00Z"), shouldAdvanceTime: true });
    const config = testConfig();
    await ensureCategories(db());
    // 62 days of worked tickets always hold a whole month before this one, so months, days and rows all take part.
    await seedDemoHistory(db(), engine, config, 62);
    const groups = await db().selectFrom("groups").select("id").orderBy("name").execute();
    const queries: [ReportScope, ReportQuery][] = [
      [
        { groups: null },
        {
          from: dateOf(Date.now() - 70 * DAY),
          to: dateOf(Date.now()),
          timeZone: "UTC",
          interval: "week",
          clock: "business",
        },
      ],
      // Days that begin mid-UTC-day: the hours at either end come from the rows.
      [
        { groups: null },
        {
          from: dateOf(Date.now() - 45 * DAY),
          to: dateOf(Date.now()),
          timeZone: "America/New_York",
          interval: "day",
          clock: "calendar",
        },
      ],
      // A group agent's scope.
      [
        { groups: [groups[0]?.id ?? ""] },
        {
          from: dateOf(Date.now() - 70 * DAY),
          to: dateOf(Date.now()),
          timeZone: "Asia/Kolkata",
          interval: "month",
          clock: "business",
        },
      ],
    ];
    // One filter besides the group reads its slice of the cube (two or more read the rows either way).
    const someAgent = await db()
      .selectFrom("ticket_metrics")
      .select("assignee_id")
      .where("assignee_id", "is not", null)
      .orderBy("assignee_id")
      .executeTakeFirstOrThrow();
    const slicedYear = { from: dateOf(Date.now() - 70 * DAY), to: dateOf(Date.now()), interval: "week" } as const;
    queries.push(
      [
        { groups: null },
        { ...slicedYear, timeZone: "UTC", clock: "business", assigneeId: someAgent.assignee_id ?? "" },
      ],
      [
        { groups: [groups[0]?.id ?? ""] },
        { ...slicedYear, timeZone: "Europe/Paris", clock: "calendar", priority: "high" },
      ],
      [{ groups: null }, { ...slicedYear, timeZone: "UTC", clock: "calendar", channel: "email" }],
    );
    const now = new Date().toISOString();
    const all = () =>
      Promise.all(
        queries.flatMap(([scope, query]) =>
          reportKinds.map((kind) => reportBuilders[kind]({ db: db(), scope, query, period: periodOf(query), now })),
        ),
      );

    const fromRows = await all();
    // The figures are there to compare: tickets were created, solved and replied to, in each filter's slice too.
    expect(JSON.stringify(fromRows)).toContain("Median first reply");
    const overviews = queries.map((_, i) => fromRows[i * reportKinds.length + reportKinds.indexOf("overview")]);
    const figure = (report: Pick<Report, "figures"> | undefined, key: string) =>
      report?.figures.find((f) => f.key === key)?.value;
    // Each filter narrows the first query's figures (the same days) to some of them.
    const everyone = figure(overviews[0], "solved") ?? 0;
    for (const filtered of [overviews[3], overviews[5]]) {
      expect(figure(filtered, "solved")).toBeGreaterThan(0);
      expect(figure(filtered, "solved")).toBeLessThan(everyone);
    }
    const builtAt = Date.now();
    const built = await buildReportCube(db(), new Date(builtAt), Number.POSITIVE_INFINITY);
    expect(built.months).toBeGreaterThan(0);
    expect(built.days).toBeGreaterThan(60);
    // Each filter's slice is built beside every ticket's, so the filtered reports above read it too.
    for (const slice of [`assignee:${someAgent.assignee_id}`, "priority:high", "channel:email"]) {
      const kept = await db()
        .selectFrom("report_cube")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("slice", "=", slice)
        .where("grain", "=", "month")
        .executeTakeFirstOrThrow();
      expect(Number(kept.n)).toBeGreaterThan(0);
    }
    // The first report's year reads whole months and days from the cube, and only today and the edges from rows.
    const plan = await planCube(
      db(),
      periodOf(queries[0]?.[1] as ReportQuery).start,
      periodOf(queries[0]?.[1] as ReportQuery).end,
      new Date().toISOString(),
    );
    expect(plan.months.length).toBeGreaterThan(0);
    expect(plan.days.length).toBeGreaterThan(0);
    // Rows: the days before the first ticket (nothing to build) and today (and yesterday, in the hour after
    // midnight, before the job builds it).
    expect(plan.spans.at(-1)?.start).toBe(`${dateOf(builtAt - 3_600_000)}T00:00:00.000Z`);
    expect(plan.spans.length).toBeLessThanOrEqual(2);
    expect(await all()).toEqual(fromRows);

    // A change to old tickets makes their days dirty: read from the rows until built again, same figures.
    const admin = await buildAdmin(db());
    const actor = await actorOf(db(), admin);
    const old = await db()
      .selectFrom("tickets")
      .select(["number", "created_at"])
      .where("created_at", "<", new Date(Date.now() - 30 * DAY).toISOString())
      .orderBy("created_at")
      .limit(2)
      .execute();
    expect(old).toHaveLength(2);
    const ctx = { db: db(), engine, config };
    // Two tickets that came in ten days ago, one of them answered then, built into the cube like any other day.
    const customer = await buildCustomer(db());
    const requester = await actorOf(db(), customer);
    advanceSystemClock(-10 * DAY);
    let replied: { number: number } | undefined;
    let unreplied: { number: number } | undefined;
    try {
      replied = await submitTicket(ctx, requester, await buildSubmission(db()));
      await addComment(ctx, actor, replied.number, { body: "Looking.", format: "text", kind: "public" });
      unreplied = await submitTicket(ctx, requester, await buildSubmission(db()));
    } finally {
      advanceSystemClock(10 * DAY);
    }
    await buildReportCube(db(), new Date(), Number.POSITIVE_INFINITY);
    const withThem = await all();
    // A note on the answered one changes no earlier day's figures: it marks nothing (most changes to older
    // tickets are like it), and the reports still agree with the rows.
    // Only finished months are built: this month stays marked since the two tickets came in.
    const dirty = async () =>
      (
        await db()
          .selectFrom("report_periods")
          .select(["grain", "period"])
          .where("state", "=", "dirty")
          .orderBy("grain")
          .orderBy("period")
          .execute()
      ).map(({ grain, period }) => `${grain} ${period}`);
    const thisMonth = `${dateOf(Date.now()).slice(0, 7)}-01`;
    expect(await dirty()).toEqual([`month ${thisMonth}`]);
    await addComment(ctx, actor, replied?.number ?? 0, { body: "Still on it.", format: "text", kind: "note" });
    expect(await dirty()).toEqual([`month ${thisMonth}`]);
    expect(await all()).toEqual(withThem);
    // The other one's first reply decides a target counted on the day it came in: that day (and its month) is built again.
    await addComment(ctx, actor, unreplied?.number ?? 0, { body: "On it.", format: "text", kind: "public" });
    expect(await dirty()).toEqual([`day ${dateOf(Date.now() - 10 * DAY)}`, `month ${thisMonth}`]);
    await buildReportCube(db(), new Date(), Number.POSITIVE_INFINITY);
    const replies = await all();
    await db().deleteFrom("report_periods").execute();
    expect(await all()).toEqual(replies);
    await buildReportCube(db(), new Date(), Number.POSITIVE_INFINITY);

    await updateTicket(ctx, actor, old[0]?.number ?? 0, { priority: "urgent", groupId: groups[1]?.id ?? null });
    // A rated ticket leaves the group agent's scope: its rating leaves their CSAT over time (the cube's hour rows).
    const rated = await db()
      .selectFrom("tickets")
      .innerJoin("ticket_metrics", "ticket_metrics.ticket_id", "tickets.id")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select("tickets.number")
      // Closed tickets take no more edits.
      .where("statuses.category", "!=", "closed")
      .where("tickets.group_id", "=", groups[0]?.id ?? "")
      .where("ticket_metrics.satisfaction_rated_at", "<", new Date(Date.now() - 2 * DAY).toISOString())
      .orderBy("tickets.number")
      .executeTakeFirst();
    expect(rated).toBeTruthy();
    await updateTicket(ctx, actor, rated?.number ?? 0, { groupId: groups[1]?.id ?? null, assigneeId: null });
    const open = await db()
      .selectFrom("statuses")
      .select("id")
      .where("category", "=", "open")
      .executeTakeFirstOrThrow();
    await changeStatus(ctx, actor, old[1]?.number ?? 0, open.id);
    expect((await dirty()).filter((period) => period !== `month ${thisMonth}`).length).toBeGreaterThan(0);
    const mixed = await all();
    expect(mixed).not.toEqual(fromRows);
    await db().deleteFrom("report_periods").execute();
    expect(mixed).toEqual(await all());
    await buildReportCube(db(), new Date(), Number.POSITIVE_INFINITY);
    expect(await all()).toEqual(mixed);

    // A clock that ran three days ahead (the browser suite moves the server's) built today too early; a ticket
    // changed today marks nothing, and today is still read from the rows.
    await buildReportCube(db(), new Date(Date.now() + 3 * DAY), Number.POSITIVE_INFINITY);
    await submitTicket(ctx, requester, await buildSubmission(db()));
    const early = await all();
    await db().deleteFrom("report_periods").execute();
    expect(early).toEqual(await all());
    await buildReportCube(db(), new Date(), Number.POSITIVE_INFINITY);

    // A deleted ticket purged after its retention leaves the figures of the days that counted it.
    await deleteTicket(ctx, actor, old[1]?.number ?? 0);
    const later = new Date(Date.now() + (config.deletedTicketRetentionDays + 1) * DAY);
    expect(await purgeDeletedTickets(ctx, later, forgetPurgedTickets)).toBe(1);
    const purged = await all();
    expect(purged).not.toEqual(mixed);
    await db().deleteFrom("report_periods").execute();
    expect(purged).toEqual(await all());
  }, 240_000);
});
