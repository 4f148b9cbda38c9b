/**
 * Marks the cube's days (and their months) that a change to metrics rows touched, so reports read those from
 * the rows until the `reports.cube` job builds them again. Only days before `today`: the cube never holds the
 * current day, so the usual change (to a ticket of today) writes nothing here.
 */
import type { Kysely, Transaction } from "kysely";
import { inLockOrder } from "../../db/lock-order.ts";
import type { Database } from "../../db/schema.ts";
import type { MetricsRow } from "../metrics.ts";
import { dayContributions } from "./contributions.ts";
import { dayOf, monthOf } from "./periods.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type DirtyPeriod = { grain: "day" | "month"; period: string; state: "dirty" };

/** The days (and their months) of `instants` before `today`, as report_periods rows marked dirty, in lock order. */
export function dirtyPeriods(instants: Iterable<string | null>, today: string): DirtyPeriod[] {
  const periods = new Map<string, DirtyPeriod>();
  for (const at of instants) {
    if (at === null) continue;
    const day = dayOf(at);
    if (day >= today) continue;
    periods.set(`day ${day}`, { grain: "day", period: day, state: "dirty" });
    periods.set(`month ${monthOf(day)}`, { grain: "month", period: monthOf(day), state: "dirty" });
  }
  return inLockOrder(periods);
}

export async function markCubeDirty(db: Db, instants: Iterable<string | null>, today: string): Promise<void> {
  await markPeriodsDirty(db, dirtyPeriods(instants, today));
}

/** Marks the periods dirty (as dirtyPeriods gives them, in lock order). */
export async function markPeriodsDirty(db: Db, periods: readonly DirtyPeriod[]): Promise<void> {
  if (periods.length === 0) return;
  await db
    .insertInto("report_periods")
    .values([...periods])
    .onConflict((oc) => oc.columns(["grain", "period"]).doUpdateSet({ state: "dirty" }))
    .execute();
}

/** What a row adds to one day's cube (what the job would build), as text: equal exactly when the cells are. */
function dayCellsOf(row: MetricsRow | undefined, day: string): string {
  if (!row) return "";
  const cells: string[] = [];
  dayContributions(row, day, (c) =>
    cells.push(`${c.hour ?? ""}|${c.slice}|${c.dim}|${c.measure}|${c.group}|${c.value}|${c.bucket}|${c.n}|${c.total}`),
  );
  return cells.join("\n");
}

/**
 * The days before `today` whose cube a change of a metrics row (from `before`, undefined for a new row, to
 * `after`) changes: those where the row's cells differ. Most changes to an older ticket (a second reply, a wait
 * for the customer, a note) change none, and mark nothing: marking every day a changed row was counted on kept
 * the recent days of a busy help desk dirty, read from the rows, most of the time.
 */
export function changedCubeDays(before: MetricsRow | undefined, after: MetricsRow, today: string): string[] {
  const days = new Set<string>();
  for (const at of [
    before?.created_at,
    after.created_at,
    before?.solved_at,
    after.solved_at,
    before?.satisfaction_rated_at,
    after.satisfaction_rated_at,
  ]) {
    if (at) days.add(dayOf(at));
  }
  return [...days].filter((day) => day < today && dayCellsOf(before, day) !== dayCellsOf(after, day));
}

/** Tickets about to be purged: the days their metrics rows were counted on are built again without them. */
export async function forgetPurgedTickets(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  const counted = await db
    .selectFrom("ticket_metrics")
    .select(["created_at", "solved_at", "satisfaction_rated_at"])
    .where("ticket_id", "in", ids)
    .execute();
  await markCubeDirty(
    db,
    counted.flatMap((m) => [m.created_at, m.solved_at, m.satisfaction_rated_at]),
    dayOf(at),
  );
}
