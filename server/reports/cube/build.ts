/**
 * The `reports.cube` job: builds the cube's rows for each finished UTC day that is dirty or not built yet, one
 * day per transaction (on SQLite a day at a million tickets a year holds the writer for tens of milliseconds),
 * then each month whose days are all clean from its days' rows. Idempotent: a period's rows are replaced.
 *
 * A period is marked clean in the same transaction that first reads its metrics, before reading them: a change
 * that commits after that read marks it dirty again (on PostgreSQL its mark waits for this transaction), so
 * the next run builds it again and no change is ever left out.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { type CubeCell, dayContributions } from "./contributions.ts";
import { dayOf, daysBetween, monthOf, nextDay, nextMonth, startOfDay } from "./periods.ts";
import { sourceRows } from "./source.ts";

type Db = Kysely<Database>;

/** Rows per insert: ten columns, and SQLite takes at most 32,766 values a statement. */
const INSERT_ROWS = 500;

const settleMs = 3_600_000;

export type CubeBuildResult = { days: number; months: number; pending: number };

async function setState(trx: Transaction<Database>, grain: "day" | "month", period: string, state: "clean" | "dirty") {
  // A build gets a new id: readers that kept the period's figures in memory read it again.
  const build = state === "clean" ? newId() : null;
  await trx
    .insertInto("report_periods")
    .values({ grain, period, state, build })
    .onConflict((oc) => oc.columns(["grain", "period"]).doUpdateSet({ state, build }))
    .execute();
}

/** One day's cells, summed. */
export async function dayCells(db: Db | Transaction<Database>, day: string): Promise<(CubeCell & { hour?: string })[]> {
  const spans = [{ start: startOfDay(day), end: startOfDay(nextDay(day)) }];
  const summed = new Map<string, CubeCell & { hour?: string }>();
  const add = (cell: CubeCell & { hour?: string }) => {
    const key = `${cell.hour ?? ""}|${cell.slice}|${cell.dim}|${cell.measure}|${cell.group}|${cell.value}|${cell.bucket}`;
    const known = summed.get(key);
    if (known) {
      known.n += cell.n;
      known.total += cell.total;
    } else summed.set(key, { ...cell });
  };
  for (const row of await sourceRows(db, spans)) dayContributions(row, day, add);
  return [...summed.values()];
}

async function buildDay(db: Db, day: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setState(trx, "day", day, "clean");
    const cells = await dayCells(trx, day);
    await trx.deleteFrom("report_cube").where("grain", "=", "day").where("period", "=", day).execute();
    await trx
      .deleteFrom("report_cube")
      .where("grain", "=", "hour")
      .where("period", ">=", startOfDay(day))
      .where("period", "<", startOfDay(nextDay(day)))
      .execute();
    const rows = cells.map((c) => ({
      grain: c.hour ? ("hour" as const) : ("day" as const),
      slice: c.slice,
      dim: c.dim,
      measure: c.measure,
      period: c.hour ?? day,
      group_id: c.group,
      value: c.value,
      bucket: c.bucket,
      n: c.n,
      total: c.total,
    }));
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      await trx
        .insertInto("report_cube")
        .values(rows.slice(i, i + INSERT_ROWS))
        .execute();
    }
  });
}

/** Sums a month's day rows into its month rows, if every day of it (from `firstDay` on) is clean. */
async function buildMonth(db: Db, month: string, firstDay: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await setState(trx, "month", month, "clean");
    const end = nextMonth(month);
    const days = daysBetween(month > firstDay ? month : firstDay, end);
    const clean = await trx
      .selectFrom("report_periods")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("grain", "=", "day")
      .where("period", ">=", month)
      .where("period", "<", end)
      .where("state", "=", "clean")
      .executeTakeFirstOrThrow();
    if (Number(clean.n) < days.length) {
      await setState(trx, "month", month, "dirty");
      return false;
    }
    await trx.deleteFrom("report_cube").where("grain", "=", "month").where("period", "=", month).execute();
    await sql`insert into report_cube (grain, slice, dim, measure, period, group_id, value, bucket, n, total)
      select 'month', slice, dim, measure, ${month}, group_id, value, bucket, sum(n), sum(total)
      from report_cube
      where grain = 'day' and period >= ${month} and period < ${end}
      group by slice, dim, measure, group_id, value, bucket`.execute(trx);
    return true;
  });
}

/**
 * Builds up to `maxDays` days (dirty ones first, then unbuilt ones, newest first: reports mostly look at the
 * recent past) and every finished month that can be. `pending` is how many days are left for the next run.
 */
export async function buildReportCube(db: Db, now: Date, maxDays = 62, signal?: AbortSignal): Promise<CubeBuildResult> {
  // A day is built an hour after it ends: a change made on it (which marks nothing, dirty.ts) has committed by
  // then, and instances whose clocks differ by less than that agree on which day it is.
  const today = dayOf(new Date(now.getTime() - settleMs));
  const first = await db
    .selectFrom("ticket_metrics")
    .select((eb) => eb.fn.min("created_at").as("at"))
    .executeTakeFirst();
  if (!first?.at) return { days: 0, months: 0, pending: 0 };
  const firstDay = dayOf(first.at);
  const known = await db.selectFrom("report_periods").select(["grain", "period", "state"]).execute();
  const state = new Map(known.map((p) => [`${p.grain} ${p.period}`, p.state]));
  const dirty = known.filter((p) => p.grain === "day" && p.state === "dirty" && p.period < today).map((p) => p.period);
  const unbuilt = daysBetween(firstDay, today)
    .filter((day) => !state.has(`day ${day}`))
    .reverse();
  const todo = [...dirty.sort().reverse(), ...unbuilt];
  const picked = todo.slice(0, maxDays);
  // Each day is its own transaction: a job asked to stop (past its timeout) stops between two, and the next run
  // goes on from there instead of running beside this one.
  for (const day of picked) {
    signal?.throwIfAborted();
    await buildDay(db, day);
  }

  // Finished months that are not clean: those just built into, those marked dirty, those never built.
  const thisMonth = monthOf(today);
  const months = new Set<string>();
  for (let month = monthOf(firstDay); month < thisMonth; month = nextMonth(month)) {
    if (state.get(`month ${month}`) !== "clean" || picked.some((day) => monthOf(day) === month)) months.add(month);
  }
  let built = 0;
  for (const month of months) {
    signal?.throwIfAborted();
    if (await buildMonth(db, month, firstDay)) built += 1;
  }
  return { days: picked.length, months: built, pending: todo.length - picked.length };
}
