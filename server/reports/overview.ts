/**
 * The dashboard: the period's headline figures next to the period before,
 * created vs solved, and the backlog over time.
 */
import type { Report, ReportFigure } from "../../common/reports.ts";
import type { ReportInput } from "./context.ts";
import { hourlyCounts, metricsWhere, ticketsLink, unsolvedNow } from "./queries.ts";
import { createdSolvedSeries } from "./series.ts";
import { median, percent, round1, sortNumbers } from "./stats.ts";

type Facts = {
  created: number;
  solved: number;
  oneTouch: number | null;
  reopened: number | null;
  firstReply: number | null;
  resolution: number | null;
  sla: number | null;
};

async function factsOf(input: ReportInput, start: string, end: string): Promise<Facts> {
  const { db, scope, query, now } = input;
  const business = query.clock === "business";
  const hours = await hourlyCounts(db, scope, query, start, end);
  const solvedRows = await db
    .selectFrom("ticket_metrics")
    .select(["replies", "reopens", "full_resolution_minutes", "full_resolution_business_minutes"])
    .where("solved_at", ">=", start)
    .where("solved_at", "<", end)
    .where(metricsWhere(scope, query))
    .execute();
  const createdRows = await db
    .selectFrom("ticket_metrics")
    .select([
      "first_reply_minutes",
      "first_reply_business_minutes",
      "first_reply_breached",
      "resolution_breached",
      "first_reply_due_at",
      "resolution_due_at",
      "first_reply_at",
      "status_category",
    ])
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .where(metricsWhere(scope, query))
    .execute();
  let met = 0;
  let missed = 0;
  for (const r of createdRows) {
    for (const [breached, due, done] of [
      [r.first_reply_breached, r.first_reply_due_at, r.first_reply_at !== null],
      [r.resolution_breached, r.resolution_due_at, ["solved", "closed", "cancelled"].includes(r.status_category)],
    ] as const) {
      if (breached === 0) met += 1;
      else if (breached === 1) missed += 1;
      // Not decided yet but already late: a breach whatever happens next.
      else if (due && !done && due <= now) missed += 1;
    }
  }
  return {
    created: hours.reduce((s, h) => s + h.created, 0),
    solved: hours.reduce((s, h) => s + h.solved, 0),
    oneTouch: percent(solvedRows.filter((r) => r.replies <= 1 && r.reopens === 0).length, solvedRows.length),
    reopened: percent(solvedRows.filter((r) => r.reopens > 0).length, solvedRows.length),
    firstReply: round1(
      median(
        sortNumbers(
          createdRows.flatMap((r) => {
            const v = business ? r.first_reply_business_minutes : r.first_reply_minutes;
            return v === null ? [] : [v];
          }),
        ),
      ),
    ),
    resolution: round1(
      median(
        sortNumbers(
          solvedRows.flatMap((r) => {
            const v = business ? r.full_resolution_business_minutes : r.full_resolution_minutes;
            return v === null ? [] : [v];
          }),
        ),
      ),
    ),
    sla: percent(met, met + missed),
  };
}

export async function overviewReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { period, query, db, scope } = input;
  const [current, previous, series, open] = await Promise.all([
    factsOf(input, period.start, period.end),
    factsOf(input, period.previous.start, period.previous.end),
    createdSolvedSeries(input),
    unsolvedNow(db, scope, query),
  ]);
  const inPeriod = { createdFrom: period.from, createdTo: period.to };
  const figure = (
    key: keyof Facts,
    label: string,
    kind: ReportFigure["kind"],
    higherIsBetter: boolean,
    tickets?: string,
  ): ReportFigure => ({
    key,
    label,
    kind,
    value: current[key],
    previous: previous[key],
    higherIsBetter,
    ...(tickets ? { tickets } : {}),
  });
  // Unsolved when the period began: now, less every change since (the hourly counts run from the start to now).
  const unsolvedBefore = Math.max(
    0,
    open - series.hours.reduce((sum, h) => sum + h.created - h.solved - h.withdrawn + h.reopened, 0),
  );
  return {
    figures: [
      figure("created", "Tickets created", "count", true, ticketsLink(query, inPeriod)),
      figure("solved", "Tickets solved", "count", true),
      {
        key: "unsolved",
        label: "Unsolved now",
        kind: "count",
        value: open,
        previous: unsolvedBefore,
        higherIsBetter: false,
        tickets: ticketsLink(query, { statusCategory: ["new", "open", "pending", "on_hold"] }),
      },
      figure("oneTouch", "One-touch resolution", "percent", true),
      figure("reopened", "Reopened", "percent", false),
      figure("firstReply", "Median first reply", "minutes", false),
      figure("resolution", "Median full resolution", "minutes", false),
      figure("sla", "SLA targets achieved", "percent", true),
    ],
    tables: [series.created, series.backlog],
  };
}
