/**
 * What one ticket's metrics row adds to the cube, for the part of its life that falls in a window: the same
 * function builds a day's cube rows and works out the periods a report reads from the metrics rows, so the two
 * always agree (a test compares them).
 *
 * Each figure counts a ticket on one date: created figures on its creation, solved figures on its (latest)
 * solve, ratings on when it was rated. Every figure is kept per group and per value of the dimensions the
 * reports break it down by; "all" is the group's total.
 *
 * Every figure is kept again in each **slice** the ticket falls in, one per report filter ("priority:high",
 * "assignee:<id>", …; "" is every ticket): a report filtered by one of them reads its slice as it reads the
 * whole cube, where it read every metrics row of the period before (seconds at a million tickets). Within a
 * slice, the filter's own dimension is left out: it has one value, whose figures are the slice's "all".
 */
import type { ReportFilters } from "../../../common/reports.ts";
import type { MetricsRow } from "../metrics.ts";
import { bucketOf } from "./buckets.ts";
import { nextDay, startOfDay } from "./periods.ts";

export const cubeDims = ["all", "priority", "service", "channel", "assignee", "policy"] as const;
export type CubeDim = (typeof cubeDims)[number];

/** A ticket's metrics row, which is all the cube is made of. */
export type CubeSourceRow = MetricsRow;

/**
 * The report filters the cube is kept by, one at a time: the dimension each makes a single value of, the
 * filter that chooses it and the metrics column that holds a ticket's value.
 */
const sliceDims = {
  priority: { fixes: "priority", filter: "priority", column: "priority" },
  service: { fixes: "service", filter: "serviceId", column: "service_id" },
  channel: { fixes: "channel", filter: "channel", column: "channel" },
  assignee: { fixes: "assignee", filter: "assigneeId", column: "assignee_id" },
  organization: { fixes: null, filter: "organizationId", column: "organization_id" },
} as const satisfies Record<
  string,
  { fixes: CubeDim | null; filter: keyof ReportFilters; column: keyof CubeSourceRow }
>;
type SliceDim = keyof typeof sliceDims;
const sliceDimNames = Object.keys(sliceDims) as SliceDim[];

const sliceKey = (dim: SliceDim, value: string) => `${dim}:${value}`;

/**
 * The slice a report with these filters reads: "" with none but a group (the cube is kept per group), the
 * filter's slice with one, undefined with two or more (the metrics rows are read instead).
 */
export function sliceOfFilters(filters: ReportFilters): string | undefined {
  const chosen = sliceDimNames.filter((dim) => filters[sliceDims[dim].filter]);
  if (chosen.length > 1) return undefined;
  const [only] = chosen;
  return only ? sliceKey(only, filters[sliceDims[only].filter] ?? "") : "";
}

/** The dimension a slice holds one value of, and that value ("" has none). */
export function sliceFixes(slice: string): { dim: CubeDim; value: string } | undefined {
  const at = slice.indexOf(":");
  if (at < 0) return undefined;
  const dim = sliceDims[slice.slice(0, at) as SliceDim]?.fixes;
  return dim ? { dim, value: slice.slice(at + 1) } : undefined;
}

/**
 * The slices a ticket is counted in: every ticket's, and one per filter it has a value for (none for a ticket
 * without a service, agent or organization). The cube and report_hours slice alike.
 */
export function slicesOf(
  row: Record<(typeof sliceDims)[SliceDim]["column"], string | null>,
): { slice: string; fixed: CubeDim | null }[] {
  return [
    { slice: "", fixed: null },
    ...sliceDimNames.flatMap((dim) => {
      const value = row[sliceDims[dim].column];
      return value ? [{ slice: sliceKey(dim, value), fixed: sliceDims[dim].fixes }] : [];
    }),
  ];
}

/** One addition: `n` values (or one count) summing to `total`, in a bucket (-1 for a count or a sum). */
export type CubeCell = {
  /** "" for every ticket, or one filter's slice ("priority:high"). */
  slice: string;
  group: string;
  dim: CubeDim;
  value: string;
  measure: string;
  bucket: number;
  n: number;
  total: number;
};

export const countBucket = -1;

function dimValue(row: CubeSourceRow, dim: CubeDim): string {
  switch (dim) {
    case "all":
      return "";
    case "priority":
      return row.priority;
    case "service":
      return row.service_id ?? "";
    case "channel":
      return row.channel;
    case "assignee":
      return row.assignee_id ?? "";
    case "policy":
      return row.sla_policy_id ?? "";
  }
}

/** Which dimensions each measure is kept by (the breakdowns the reports show). */
const volume: CubeDim[] = ["all", "priority", "service", "channel"];
const durations: CubeDim[] = ["all", "priority", "service"];
const perAgent: CubeDim[] = ["all", "assignee"];
const targets: CubeDim[] = ["all", "policy"];

/**
 * Calls `add` for every cell the row adds to, for the dates that `covers` (a day, or a report's raw span), in
 * every slice, or in `only` that one (a report reads one: making the others' cells was most of its time).
 */
export function contributions(
  row: CubeSourceRow,
  covers: (at: string) => boolean,
  addCell: (cell: CubeCell) => void,
  only?: string,
): void {
  const group = row.group_id ?? "";
  const slices = slicesOf(row).filter(({ slice }) => only === undefined || slice === only);
  if (slices.length === 0) return;
  const add = (cell: Omit<CubeCell, "slice">) => {
    for (const { slice, fixed } of slices) if (cell.dim !== fixed) addCell({ ...cell, slice });
  };
  const count = (dims: readonly CubeDim[], measure: string, total = 0) => {
    for (const dim of dims) add({ group, dim, value: dimValue(row, dim), measure, bucket: countBucket, n: 1, total });
  };
  const duration = (dims: readonly CubeDim[], measure: string, minutes: number | null) => {
    if (minutes === null) return;
    const bucket = bucketOf(minutes);
    for (const dim of dims) add({ group, dim, value: dimValue(row, dim), measure, bucket, n: 1, total: minutes });
  };

  if (covers(row.created_at)) {
    count([...volume, "assignee"], "created");
    duration(durations, "first_reply", row.first_reply_minutes);
    duration(durations, "first_reply_b", row.first_reply_business_minutes);
    for (const [target, breached, due, margin, marginBusiness] of [
      [
        "fr",
        row.first_reply_breached,
        row.first_reply_due_at,
        row.first_reply_sla_margin_minutes,
        row.first_reply_sla_margin_business_minutes,
      ],
      [
        "res",
        row.resolution_breached,
        row.resolution_due_at,
        row.resolution_sla_margin_minutes,
        row.resolution_sla_margin_business_minutes,
      ],
    ] as const) {
      if (due === null && breached === null) continue;
      // Tickets with the target, decided or not: the service-level table lists each policy that set one.
      count(["policy"], `${target}_set`);
      // Undecided targets depend on the time a report is read: reports count those that are already late apart.
      if (breached === 0) count(targets, `${target}_met`);
      if (breached === 1) {
        count(targets, `${target}_missed`);
        if (margin !== null) count(["policy"], `${target}_late`, -margin);
        if (marginBusiness !== null) count(["policy"], `${target}_late_b`, -marginBusiness);
      }
    }
  }

  if (row.solved_at !== null && covers(row.solved_at)) {
    count([...volume, "assignee"], "solved");
    if (row.replies <= 1 && row.reopens === 0) count(["all"], "one_touch");
    if (row.reopens > 0) count(perAgent, "reopened");
    if (row.assignee_stations > 1) count(perAgent, "reassigned");
    if (row.group_stations > 1) count(perAgent, "regrouped");
    count(perAgent, "replies", row.replies);
    count(perAgent, "touches", row.agent_touches);
    if (row.satisfaction_rating !== null) count(perAgent, "csat_rated");
    if (row.satisfaction_rating === "good") count(perAgent, "csat_good");
    duration([...durations, "assignee"], "resolution", row.full_resolution_minutes);
    duration([...durations, "assignee"], "resolution_b", row.full_resolution_business_minutes);
    duration(perAgent, "solved_first_reply", row.first_reply_minutes);
    duration(perAgent, "solved_first_reply_b", row.first_reply_business_minutes);
    duration(["all"], "requester_wait", row.requester_wait_minutes);
    duration(["all"], "requester_wait_b", row.requester_wait_business_minutes);
    duration(["all"], "on_hold", row.on_hold_minutes);
    duration(["all"], "on_hold_b", row.on_hold_business_minutes);
  }

  if (row.satisfaction_rated_at !== null && row.satisfaction_rating !== null && covers(row.satisfaction_rated_at)) {
    count(["all", "assignee", "service"], row.satisfaction_rating === "good" ? "rated_good" : "rated_bad");
  }
}

const HOUR = 3_600_000;

/**
 * Everything a row adds to one UTC day's cube: its day cells and, for a rating given that day, its hour cell. What
 * the job builds a day from (build.ts), and what says whether a change altered a day (dirty.ts).
 */
export function dayContributions(
  row: CubeSourceRow,
  day: string,
  add: (cell: CubeCell & { hour?: string }) => void,
): void {
  const start = startOfDay(day);
  const end = startOfDay(nextDay(day));
  contributions(row, (at) => at >= start && at < end, add);
  ratingHours(row, day, add);
}

/**
 * A rating given on `day`, as a count in its UTC hour in each of the row's slices (the cube's "hour" rows):
 * CSAT over the viewer's days.
 */
function ratingHours(row: CubeSourceRow, day: string, add: (cell: CubeCell & { hour: string }) => void): void {
  const at = row.satisfaction_rated_at;
  if (at === null || row.satisfaction_rating === null || !at.startsWith(day)) return;
  for (const { slice } of slicesOf(row)) {
    add({
      hour: new Date(Math.floor(Date.parse(at) / HOUR) * HOUR).toISOString(),
      slice,
      group: row.group_id ?? "",
      dim: "all",
      value: "",
      measure: row.satisfaction_rating === "good" ? "rated_good" : "rated_bad",
      bucket: countBucket,
      n: 1,
      total: 0,
    });
  }
}
