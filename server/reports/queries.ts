/**
 * What every report reads: metrics rows and hourly rollups narrowed to the
 * viewer's groups and the chosen filters, names for ids, and links to the
 * matching ticket lists.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { ReportFilters } from "../../common/reports.ts";
import type { Database } from "../db/schema.ts";
import { sliceOfFilters } from "./cube/contributions.ts";
import { type ReportScope, reportGroups } from "./policy.ts";

type Db = Kysely<Database>;
const none = sql<SqlBool>`1 = 0`;

/**
 * "Not finished" as the partial index `ticket_metrics_open_work` (migration 0092) states it, values written out:
 * SQLite uses a partial index only for a query whose conditions contain its condition's terms as written, and a
 * bound parameter is not the same term. The categories are the complement of `finishedCategories` (a test keeps
 * the two in step).
 */
export const unsolvedCategories = ["new", "open", "pending", "on_hold"] as const;
export const unsolvedTerm = sql<SqlBool>`ticket_metrics.status_category in ${sql.raw(
  `(${unsolvedCategories.map((c) => `'${c}'`).join(", ")})`,
)}`;

/**
 * The where-clause on ticket_metrics for a scope and filters. With `groupsOutOfIndex`, the group is compared as
 * an expression no index serves: for the counts of open work, which SQLite (keeping no statistics) would
 * otherwise read through the group's creation-time index, every row of the group's period and its table row,
 * instead of the open-work index alone (seconds against milliseconds at a million tickets).
 */
export function metricsWhere(scope: ReportScope, filters: ReportFilters, options: { groupsOutOfIndex?: boolean } = {}) {
  return (eb: ExpressionBuilder<Database, "ticket_metrics">): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    const group = options.groupsOutOfIndex
      ? sql<string>`(${sql.ref("ticket_metrics.group_id")} || '')`
      : eb.ref("ticket_metrics.group_id");
    if (scope.groups) {
      all.push(scope.groups.length ? eb(group, "in", scope.groups) : none);
    }
    if (filters.groupId) all.push(eb(group, "=", filters.groupId));
    if (filters.assigneeId) all.push(eb("ticket_metrics.assignee_id", "=", filters.assigneeId));
    if (filters.priority) all.push(eb("ticket_metrics.priority", "=", filters.priority));
    if (filters.serviceId) all.push(eb("ticket_metrics.service_id", "=", filters.serviceId));
    if (filters.channel) all.push(eb("ticket_metrics.channel", "=", filters.channel));
    if (filters.organizationId) all.push(eb("ticket_metrics.organization_id", "=", filters.organizationId));
    return eb.and(all);
  };
}

/**
 * Rollups are kept per group, channel, priority and service together: with two of those filters or more (one
 * reads its slice of report_hours), they answer; agent and organization filters beside another need the rows.
 */
export function rollupsCover(filters: ReportFilters): boolean {
  return !filters.assigneeId && !filters.organizationId;
}

export function rollupsWhere(scope: ReportScope, filters: ReportFilters) {
  return (eb: ExpressionBuilder<Database, "report_rollups">): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (scope.groups) all.push(scope.groups.length ? eb("report_rollups.group_id", "in", scope.groups) : none);
    if (filters.groupId) all.push(eb("report_rollups.group_id", "=", filters.groupId));
    if (filters.priority) all.push(eb("report_rollups.priority", "=", filters.priority));
    if (filters.serviceId) all.push(eb("report_rollups.service_id", "=", filters.serviceId));
    if (filters.channel) all.push(eb("report_rollups.channel", "=", filters.channel));
    return eb.and(all);
  };
}

export type HourCounts = { hour: string; created: number; solved: number; withdrawn: number; reopened: number };

const HOUR = 3_600_000;

/** A row of summed counts (bigint sums come back as numbers or strings, by engine) as numbers. */
const hourCountsOf = (r: {
  hour: string;
  created: unknown;
  solved: unknown;
  withdrawn: unknown;
  reopened: unknown;
}) => ({
  hour: r.hour,
  created: Number(r.created),
  solved: Number(r.solved),
  withdrawn: Number(r.withdrawn),
  reopened: Number(r.reopened),
});
const hourOf = (at: string) => new Date(Math.floor(Date.parse(at) / HOUR) * HOUR).toISOString();

/**
 * Tickets created, solved, withdrawn and reopened per UTC hour in [start, end): from the rollups when they
 * cover the filters, else from the metrics rows (which know only the latest solve, and no withdrawals or reopens).
 */
export async function hourlyCounts(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
): Promise<HourCounts[]> {
  return (await summedCounts(db, scope, filters, start, end, true)) ?? rowCounts(db, scope, filters, start, end);
}

/** The same counts for the whole of [start, end): one row of sums, where the hours would be thousands of rows. */
export async function periodCounts(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
): Promise<Omit<HourCounts, "hour">> {
  const summed = await summedCounts(db, scope, filters, start, end, false);
  return totalOf(summed ?? (await rowCounts(db, scope, filters, start, end)));
}

function totalOf(hours: HourCounts[]): Omit<HourCounts, "hour"> {
  const total = { created: 0, solved: 0, withdrawn: 0, reopened: 0 };
  for (const h of hours) {
    total.created += h.created;
    total.solved += h.solved;
    total.withdrawn += h.withdrawn;
    total.reopened += h.reopened;
  }
  return total;
}

/**
 * `periodCounts` for [start, end) from hourly counts already read for a range that holds it, or undefined
 * where they cannot say: an hour's row counts its whole hour, so a bound inside an hour (a zone offset by
 * half an hour) needs the read of its own.
 */
export function periodCountsWithin(
  hours: HourCounts[],
  start: string,
  end: string,
): Omit<HourCounts, "hour"> | undefined {
  if (hourOf(start) !== start || hourOf(end) !== end) return undefined;
  return totalOf(hours.filter((h) => h.hour >= start && h.hour < end));
}

const countSums = <T extends "report_hours" | "report_rollups">(eb: ExpressionBuilder<Database, T>) => [
  eb.fn.sum<number>(eb.ref("created")).as("created"),
  eb.fn.sum<number>(eb.ref("solved")).as("solved"),
  eb.fn.sum<number>(eb.ref("withdrawn")).as("withdrawn"),
  eb.fn.sum<number>(eb.ref("reopened")).as("reopened"),
];

/**
 * A slice's counts from report_hours, per hour (the series) or summed: kept per hour, group and slice, a year is
 * some thousands of rows, where report_rollups has one for nearly every ticket at a million a year.
 */
export function sliceHoursQuery(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  slice: string,
  start: string,
  end: string,
  perHour: boolean,
) {
  const groups = reportGroups(scope, filters.groupId);
  return db
    .selectFrom("report_hours")
    .select(countSums)
    .where("slice", "=", slice)
    .where("hour", ">=", hourOf(start))
    .where("hour", "<", end)
    .$if(groups !== undefined, (q) => q.where((eb) => (groups?.length ? eb("group_id", "in", groups) : none)))
    .$if(perHour, (q) => q.select("hour").groupBy("hour"));
}

/** From report_hours or report_rollups, per hour or summed; undefined when neither covers the filters. */
async function summedCounts(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  perHour: boolean,
): Promise<HourCounts[] | undefined> {
  let rows: { hour?: string; created: unknown; solved: unknown; withdrawn: unknown; reopened: unknown }[];
  const slice = sliceOfFilters(filters);
  if (slice !== undefined) {
    rows = await sliceHoursQuery(db, scope, filters, slice, start, end, perHour).execute();
  } else if (rollupsCover(filters)) {
    rows = await db
      .selectFrom("report_rollups")
      .select(countSums)
      .where("hour", ">=", hourOf(start))
      .where("hour", "<", end)
      .where(rollupsWhere(scope, filters))
      .$if(perHour, (q) => q.select("hour").groupBy("hour"))
      .execute();
  } else return undefined;
  // Summed over no rows, each sum is null: no counts.
  return rows.map((r) => hourCountsOf({ ...r, hour: r.hour ?? start }));
}

/** The metrics rows' counts per hour (created and latest solve only), for filters no rollup covers. */
async function rowCounts(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
): Promise<HourCounts[]> {
  const byHour = new Map<string, HourCounts>();
  const add = (at: string, key: "created" | "solved") => {
    const hour = hourOf(at);
    let row = byHour.get(hour);
    if (!row) {
      row = { hour, created: 0, solved: 0, withdrawn: 0, reopened: 0 };
      byHour.set(hour, row);
    }
    row[key] += 1;
  };
  const created = await db
    .selectFrom("ticket_metrics")
    .select("created_at")
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .where(metricsWhere(scope, filters))
    .execute();
  for (const r of created) add(r.created_at, "created");
  const solved = await db
    .selectFrom("ticket_metrics")
    .select("solved_at")
    .where("solved_at", ">=", start)
    .where("solved_at", "<", end)
    .where(metricsWhere(scope, filters))
    .execute();
  for (const r of solved) if (r.solved_at) add(r.solved_at, "solved");
  return [...byHour.values()];
}

/** Counts the tickets in scope that are not finished, from `ticket_metrics_open_work` alone. */
export function unsolvedNowQuery(db: Db, scope: ReportScope, filters: ReportFilters) {
  return db
    .selectFrom("ticket_metrics")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(unsolvedTerm)
    .where(metricsWhere(scope, filters, { groupsOutOfIndex: true }));
}

/** Tickets in scope that are not solved, closed or withdrawn now. */
export async function unsolvedNow(db: Db, scope: ReportScope, filters: ReportFilters): Promise<number> {
  const row = await unsolvedNowQuery(db, scope, filters).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type Names = Map<string, string>;

/** Names of groups, agents, services and organizations, for the rows that name them. */
export async function namesOf(
  db: Db,
  table: "groups" | "users" | "services" | "organizations",
  ids: Iterable<string | null>,
): Promise<Names> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Services and organizations to filter by, by name. Departments are named with their account ("Acme / Sales"),
 * since two accounts may each have a "Sales".
 */
export async function reportOptions(db: Db) {
  const [services, organizations] = await Promise.all([
    db.selectFrom("services").select(["id", "name"]).orderBy("name").execute(),
    db
      .selectFrom("organizations")
      .leftJoin("organizations as parent", "parent.id", "organizations.parent_id")
      .select(["organizations.id", "organizations.name", "parent.name as parentName"])
      .execute(),
  ]);
  return {
    services,
    organizations: organizations
      .map((o) => ({ id: o.id, name: o.parentName ? `${o.parentName} / ${o.name}` : o.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The agent queue listing the tickets behind a figure: the report's filters plus the figure's own. */
export function ticketsLink(filters: ReportFilters, extra: Record<string, string | readonly string[] | undefined>) {
  const params = new URLSearchParams({ queue: "all" });
  const set = (key: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) return;
    for (const v of typeof value === "string" ? [value] : value) params.append(key, v);
  };
  set("groupId", filters.groupId);
  set("assigneeId", filters.assigneeId);
  set("priority", filters.priority);
  set("serviceId", filters.serviceId);
  set("organizationId", filters.organizationId);
  for (const [key, value] of Object.entries(extra)) {
    params.delete(key);
    set(key, value);
  }
  return params.toString();
}
