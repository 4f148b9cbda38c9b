/**
 * The dashboard: the period's headline figures next to the period before,
 * created vs solved, and the backlog over time.
 */
import type { Report, ReportFigure } from "../../common/reports.ts";
import type { ReportInput } from "./context.ts";
import { histogramMedian } from "./cube/buckets.ts";
import { lateUndecidedCount } from "./cube/late.ts";
import { loadCube } from "./cube/read.ts";
import { periodCounts, periodCountsWithin, ticketsLink } from "./queries.ts";
import { createdSolvedSeries } from "./series.ts";
import { percent, round1 } from "./stats.ts";

type Facts = {
  created: number;
  solved: number;
  oneTouch: number | null;
  reopened: number | null;
  firstReply: number | null;
  resolution: number | null;
  sla: number | null;
};

/** What the headline figures read from the cube. */
const need = {
  dims: ["all"],
  measures: [
    "solved",
    "one_touch",
    "reopened",
    "first_reply",
    "first_reply_b",
    "resolution",
    "resolution_b",
    "fr_met",
    "fr_missed",
    "res_met",
    "res_missed",
  ],
} as const;

type PeriodTotals = Awaited<ReturnType<typeof periodCounts>>;

/** `totals`: the period's created and solved, where the caller has them coming from a read it makes anyway. */
async function factsOf(
  input: ReportInput,
  start: string,
  end: string,
  totals: Promise<PeriodTotals | undefined> = Promise.resolve(undefined),
): Promise<Facts> {
  const { db, scope, query, now } = input;
  const clock = query.clock === "business" ? "_b" : "";
  const [known, cube, late] = await Promise.all([
    totals,
    loadCube(db, scope, query, start, end, need, input.now),
    lateUndecidedCount(db, scope, query, start, end, now),
  ]);
  const counts = known ?? (await periodCounts(db, scope, query, start, end));
  const solved = cube.count("solved");
  const met = cube.count("fr_met") + cube.count("res_met");
  const missed = cube.count("fr_missed") + cube.count("res_missed") + late;
  return {
    created: counts.created,
    solved: counts.solved,
    oneTouch: percent(cube.count("one_touch"), solved),
    reopened: percent(cube.count("reopened"), solved),
    firstReply: round1(histogramMedian(cube.histogram(`first_reply${clock}`))),
    resolution: round1(histogramMedian(cube.histogram(`resolution${clock}`))),
    sla: percent(met, met + missed),
  };
}

export async function overviewReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { period, query } = input;
  // The series reads every hour from the period's start to now; the period's own totals are a sum of those
  // hours, which spares the slowest read of the dashboard (a year of hourly rows) a second pass.
  const seriesRead = createdSolvedSeries(input);
  const [current, previous, series] = await Promise.all([
    factsOf(
      input,
      period.start,
      period.end,
      seriesRead.then((s) => periodCountsWithin(s.hours, period.start, period.end)),
    ),
    factsOf(input, period.previous.start, period.previous.end),
    seriesRead,
  ]);
  const { open } = series;
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
