/**
 * A report's cube for [start, end): whole clean months and days from the cube's rows, everything else (the
 * hours at either end, today, days changed since the job last ran) from the metrics rows through the same
 * `contributions`, so the figures are the same whichever way a part is read. One filter besides the group
 * reads its slice of the cube; two or more read the whole period from the metrics rows.
 */
import type { Kysely } from "kysely";
import type { ReportFilters } from "../../../common/reports.ts";
import type { Database } from "../../db/schema.ts";
import { type ReportScope, reportGroups } from "../policy.ts";
import { metricsWhere } from "../queries.ts";
import { type CubeCell, type CubeDim, contributions, sliceOfFilters } from "./contributions.ts";
import { CubeData, type CubePlan } from "./cube-data.ts";
import { dayAtOrAfter, dayOf, monthOf, nextDay, nextMonth, startOfDay } from "./periods.ts";
import { inSpans, type Span, sourceRows } from "./source.ts";

type Db = Kysely<Database>;

export type CubeNeed = { dims: readonly CubeDim[]; measures: readonly string[] };

/**
 * Which parts of [start, end) come from month rows, day rows and metrics rows. Only days before today (by the
 * reader's clock) come from the cube: a change to a ticket counted today marks nothing (server/reports/cube/
 * dirty.ts), so a day built early (a clock that was ahead, then set back) must not be trusted while it is today.
 */
export async function planCube(db: Db, start: string, end: string, now: string): Promise<CubePlan> {
  const firstDay = dayAtOrAfter(start);
  // Exclusive: the day `end` falls in is read from rows unless `end` is its midnight, and today always is.
  const endDay = dayOf(end);
  const today = dayOf(now);
  const lastDay = endDay.localeCompare(today) < 0 ? endDay : today;
  if (firstDay >= lastDay) return { months: [], days: [], spans: [{ start, end }], builds: new Map() };
  const periods = await db
    .selectFrom("report_periods")
    .select(["grain", "period", "build"])
    .where("state", "=", "clean")
    .where("period", ">=", monthOf(firstDay))
    .where("period", "<", lastDay)
    .execute();
  const builds = new Map(periods.map((p) => [`${p.grain} ${p.period}`, p.build]));
  const clean = new Set(builds.keys());
  const months: string[] = [];
  const days: string[] = [];
  const raw: Span[] = [];
  const addRaw = (from: string, to: string) => {
    const last = raw.at(-1);
    if (last && last.end === from) last.end = to;
    else raw.push({ start: from, end: to });
  };
  if (start < startOfDay(firstDay)) addRaw(start, startOfDay(firstDay));
  for (let day = firstDay; day < lastDay; ) {
    const month = monthOf(day);
    if (day === month && nextMonth(month) <= lastDay && clean.has(`month ${month}`)) {
      months.push(month);
      day = nextMonth(month);
      continue;
    }
    if (clean.has(`day ${day}`)) days.push(day);
    else addRaw(startOfDay(day), startOfDay(nextDay(day)));
    day = nextDay(day);
  }
  if (startOfDay(lastDay) < end) addRaw(startOfDay(lastDay) > start ? startOfDay(lastDay) : start, end);
  const used = new Map<string, string | null>();
  for (const month of months) used.set(`month ${month}`, builds.get(`month ${month}`) ?? null);
  for (const day of days) used.set(`day ${day}`, builds.get(`day ${day}`) ?? null);
  return { months, days, spans: raw, builds: used };
}

/**
 * What reports read of clean periods, summed, kept in memory under the periods' build ids: a period's cube rows
 * change only when it is built again, which gives it a new id, so an entry is never stale, only unused. A
 * 12-month report reads tens of thousands of cube rows (the months, and the days of the month so far) and sums
 * them in the database, most of its time at a million tickets a year; the next report over the same periods, by
 * anyone with the same groups, adds the kept cells instead. Least recently used entries go first.
 */
const kept = new Map<string, unknown[]>();
/**
 * Rows kept, over all entries: about 225 bytes each (measured), so some 25 MB. A 12-month report's cells are
 * 500–1,500 rows, its CSAT hours up to 17,000.
 */
const KEPT_ROWS = 110_000;
let keptRowCount = 0;

/** The rows `read` gives, kept under `key` (undefined: read every time). */
async function keptRows<T>(key: string | undefined, read: () => Promise<T[]>): Promise<T[]> {
  const known = key === undefined ? undefined : kept.get(key);
  if (key !== undefined && known) {
    kept.delete(key);
    kept.set(key, known);
    return known as T[];
  }
  const rows = await read();
  if (key === undefined || rows.length > KEPT_ROWS / 4 || kept.has(key)) return rows;
  kept.set(key, rows);
  keptRowCount += rows.length;
  for (const [oldest, dropped] of kept) {
    if (keptRowCount <= KEPT_ROWS) break;
    kept.delete(oldest);
    keptRowCount -= dropped.length;
  }
  return rows;
}

/** "grain period@build,…" for the periods, or undefined if one was built before builds had ids (never kept). */
function buildsKey(grain: string, periods: readonly string[], builds: Map<string, string | null>): string | undefined {
  const parts: string[] = [];
  for (const period of periods) {
    const build = builds.get(`${grain} ${period}`);
    if (!build) return undefined;
    parts.push(`${period}@${build}`);
  }
  return `${grain} ${parts.join(",")}`;
}

function keptKey(
  slice: string,
  grain: "day" | "month",
  periods: readonly string[],
  builds: Map<string, string | null>,
  need: CubeNeed,
  groups: readonly string[] | undefined,
): string | undefined {
  const periodsKey = buildsKey(grain, periods, builds);
  if (periodsKey === undefined) return undefined;
  return [slice, need.dims.join(","), need.measures.join(","), groups?.join(",") ?? "*", periodsKey].join("|");
}

async function addCubeRows(
  db: Db,
  into: CubeData,
  grain: "day" | "month",
  periods: readonly string[],
  need: CubeNeed,
  groups: readonly string[] | undefined,
): Promise<void> {
  if (periods.length === 0 || need.measures.length === 0 || groups?.length === 0) return;
  const key = keptKey(into.slice, grain, periods, into.plan.builds, need, groups);
  const cells = await keptRows(key, async () => {
    const rows = await db
      .selectFrom("report_cube")
      .select((eb) => [
        "dim",
        "measure",
        "group_id",
        "value",
        "bucket",
        eb.fn.sum<number>("n").as("n"),
        eb.fn.sum<number>("total").as("total"),
      ])
      .where("grain", "=", grain)
      .where("slice", "=", into.slice)
      .where("dim", "in", need.dims)
      .where("measure", "in", need.measures)
      .where("period", "in", periods)
      .$if(groups !== undefined, (q) => q.where("group_id", "in", groups ?? []))
      .groupBy(["dim", "measure", "group_id", "value", "bucket"])
      .execute();
    return rows.map(
      (r): CubeCell => ({
        slice: into.slice,
        dim: r.dim as CubeDim,
        measure: r.measure,
        group: r.group_id,
        value: r.value,
        bucket: Number(r.bucket),
        n: Number(r.n),
        total: Number(r.total),
      }),
    );
  });
  for (const cell of cells) into.add(cell);
}

export async function loadCube(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  need: CubeNeed,
  now: string,
): Promise<CubeData> {
  const slice = sliceOfFilters(filters);
  // Two filters or more: no slice holds them, and the rows of the period (narrowed to them) make slice "".
  const cube = new CubeData(slice ?? "");
  const plan: CubePlan =
    slice !== undefined
      ? await planCube(db, start, end, now)
      : { months: [], days: [], spans: [{ start, end }], builds: new Map() };
  cube.plan = plan;
  const groups = reportGroups(scope, filters.groupId);
  await addCubeRows(db, cube, "month", plan.months, need, groups);
  await addCubeRows(db, cube, "day", plan.days, need, groups);
  const dims = new Set<string>(need.dims);
  const measures = new Set(need.measures);
  const covers = inSpans(plan.spans);
  for (const row of await sourceRows(db, plan.spans, metricsWhere(scope, filters))) {
    contributions(
      row,
      covers,
      (cell) => {
        if (dims.has(cell.dim) && measures.has(cell.measure)) cube.add(cell);
      },
      cube.slice,
    );
  }
  return cube;
}

/**
 * Good and bad ratings per UTC hour in [start, end), as `loadCube` planned it: the cube's hour rows for the days
 * it read from the cube, the metrics rows for the rest.
 */
export async function ratingsByHour(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  plan: CubePlan,
): Promise<Map<string, { good: number; bad: number }>> {
  const hours = new Map<string, { good: number; bad: number }>();
  const add = (hour: string, rating: "good" | "bad", n: number) => {
    const known = hours.get(hour) ?? { good: 0, bad: 0 };
    known[rating] += n;
    hours.set(hour, known);
  };
  const cleanDays = new Set(plan.days);
  for (const month of plan.months) for (let day = month; day < nextMonth(month); day = nextDay(day)) cleanDays.add(day);
  const groups = reportGroups(scope, filters.groupId);
  // A plan with periods from the cube has a slice.
  const slice = sliceOfFilters(filters) ?? "";
  if (cleanDays.size > 0 && groups?.length !== 0) {
    // The hour rows are built with their days, and a month is built again after any of its days: the builds of
    // the months and days read say whether these are the same.
    const months = buildsKey("month", plan.months, plan.builds);
    const days = buildsKey("day", plan.days, plan.builds);
    const key =
      months === undefined || days === undefined
        ? undefined
        : ["hours", slice, groups?.join(",") ?? "*", start, end, months, days].join("|");
    const rows = await keptRows(key, () =>
      db
        .selectFrom("report_cube")
        .select((eb) => ["period", "measure", eb.fn.sum<number>("n").as("n")])
        .where("grain", "=", "hour")
        .where("slice", "=", slice)
        .where("dim", "=", "all")
        .where("measure", "in", ["rated_good", "rated_bad"])
        .where("period", ">=", start)
        .where("period", "<", end)
        .$if(groups !== undefined, (q) => q.where("group_id", "in", groups ?? []))
        .groupBy(["period", "measure"])
        .execute(),
    );
    for (const r of rows) {
      if (!cleanDays.has(r.period.slice(0, 10))) continue;
      add(r.period, r.measure === "rated_good" ? "good" : "bad", Number(r.n));
    }
  }
  if (plan.spans.length > 0) {
    const rows = await db
      .selectFrom("ticket_metrics")
      .select(["satisfaction_rated_at", "satisfaction_rating"])
      .where((eb) =>
        eb.or(
          plan.spans.map((s) =>
            eb.and([eb("satisfaction_rated_at", ">=", s.start), eb("satisfaction_rated_at", "<", s.end)]),
          ),
        ),
      )
      .where(metricsWhere(scope, filters))
      .execute();
    for (const r of rows) {
      if (!r.satisfaction_rated_at || !r.satisfaction_rating) continue;
      add(
        new Date(Math.floor(Date.parse(r.satisfaction_rated_at) / 3_600_000) * 3_600_000).toISOString(),
        r.satisfaction_rating,
        1,
      );
    }
  }
  return hours;
}
