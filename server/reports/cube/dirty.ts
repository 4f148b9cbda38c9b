/**
 * Marks the cube's days (and their months) that a change to metrics rows touched, so reports read those from
 * the rows until the `reports.cube` job builds them again. Only days before `today`: the cube never holds the
 * current day, so the usual change (to a ticket of today) writes nothing here.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { dayOf, monthOf } from "./periods.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function markCubeDirty(db: Db, instants: Iterable<string | null>, today: string): Promise<void> {
  const periods = new Map<string, { grain: "day" | "month"; period: string; state: "dirty" }>();
  for (const at of instants) {
    if (at === null) continue;
    const day = dayOf(at);
    if (day >= today) continue;
    periods.set(`day ${day}`, { grain: "day", period: day, state: "dirty" });
    periods.set(`month ${monthOf(day)}`, { grain: "month", period: monthOf(day), state: "dirty" });
  }
  if (periods.size === 0) return;
  await db
    .insertInto("report_periods")
    .values([...periods.values()])
    .onConflict((oc) => oc.columns(["grain", "period"]).doUpdateSet({ state: "dirty" }))
    .execute();
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
