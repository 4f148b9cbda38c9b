import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { reportQuerySchema } from "../../common/reports.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Actor } from "../core/actor.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAdmin, buildCustomer, buildSubmission, statusIdIn, testConfig } from "../test/factories.ts";
import { changeStatus } from "../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { overviewReport } from "./overview.ts";
import { periodOf } from "./period.ts";

/**
 * The backlog counts back from the tickets unsolved now, hour by hour; these tickets come and go over a week
 * (a controlled clock), so every day's and week's end has a figure worked out by hand.
 */
describeEachEngine("the backlog over time", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });
  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  let admin: Actor;
  let customer: Actor;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    admin = await actorOf(db(), await buildAdmin(db()));
    customer = await actorOf(db(), await buildCustomer(db()));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const statusIn = (category: StatusCategory) => statusIdIn(db(), category);
  const submit = async () =>
    (await submitTicket(ctx(), customer, await buildSubmission(db(), { priority: "low" }))).number;
  const backlog = async (from: string, to: string, interval: "day" | "week") => {
    const query = reportQuerySchema.parse({ from, to, interval, timeZone: "Europe/Berlin" });
    const report = await overviewReport({
      db: db(),
      scope: { groups: null },
      query,
      period: periodOf(query),
      now: new Date().toISOString(),
    });
    const table = report.tables.find((t) => t.key === "backlog");
    return {
      ends: Object.fromEntries((table?.rows ?? []).map((r) => [r.cells.period, r.cells.unsolved])),
      now: report.figures.find((f) => f.key === "unsolved"),
    };
  };

  it("counts the tickets unsolved at the end of each day and week, in the viewer's zone", async () => {
    const solved = await statusIn("solved");
    // Tuesday 10:00 Berlin: three tickets. Wednesday: one solved. Friday 00:30 Berlin (still Thursday in UTC): a
    // fourth. Saturday: the solved one reopens and another is solved.
    at("2026-11-03T09:00:00.000Z");
    const [a, b] = [await submit(), await submit(), await submit()];
    at("2026-11-04T12:00:00.000Z");
    await changeStatus(ctx(), admin, a, solved);
    at("2026-11-05T23:30:00.000Z");
    await submit();
    at("2026-11-07T10:00:00.000Z");
    await changeStatus(ctx(), admin, a, await statusIn("open"));
    await changeStatus(ctx(), admin, b, solved);
    // Monday 9 November, noon: three unsolved (the reopened one, the third and the fourth).
    at("2026-11-09T11:00:00.000Z");

    const days = await backlog("2026-11-02", "2026-11-09", "day");
    expect(days.now?.value).toBe(3);
    expect(days.ends).toEqual({
      "2026-11-02": 0,
      "2026-11-03": 3,
      "2026-11-04": 2,
      "2026-11-05": 2,
      "2026-11-06": 3,
      "2026-11-07": 3,
      "2026-11-08": 3,
      // Today's end has not come: it shows what is unsolved now.
      "2026-11-09": 3,
    });
    // At the beginning of the period nothing was unsolved (the figure's "previous").
    expect(days.now?.previous).toBe(0);

    // Weeks end on Sunday: 8 November; the week of the 9th is cut at the period's last day.
    const weeks = await backlog("2026-10-26", "2026-11-09", "week");
    expect(weeks.ends).toEqual({ "2026-11-01": 0, "2026-11-08": 3, "2026-11-09": 3 });
  });
});
