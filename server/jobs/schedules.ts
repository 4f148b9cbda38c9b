/**
 * Recurring work. Each schedule divides time into slots (every N minutes,
 * counted from the epoch in UTC); whoever notices a slot first inserts its
 * job under the key "kind@slot", and every other runner's insert of the same
 * key does nothing. So a slot fires once however many app instances run, and
 * a restart loses nothing: the work is a scan of what is due, so the next
 * slot catches up on anything a missed one would have done.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { enqueueJobOnce, type JobKind } from "./queue.ts";

export type Schedule = { kind: JobKind; everyMinutes: number };

export const schedules: readonly Schedule[] = [
  // Due/overdue alerts and auto-close are checked every minute: a target is late by at most that.
  { kind: "sla.check", everyMinutes: 1 },
  { kind: "tickets.auto_close", everyMinutes: 1 },
  // Time rules count business days: every five minutes is plenty.
  { kind: "automation.time_rules", everyMinutes: 5 },
  { kind: "maintenance.cleanup", everyMinutes: 60 },
  // Deleted tickets past their retention period (days): hourly is exact enough.
  { kind: "tickets.purge_deleted", everyMinutes: 60 },
  // Reports read what the cube has not built yet from the metrics rows: building it is for speed, not freshness.
  { kind: "reports.cube", everyMinutes: 5 },
];

export function slotOf(schedule: Schedule, at: Date): string {
  const size = schedule.everyMinutes * 60_000;
  return new Date(Math.floor(at.getTime() / size) * size).toISOString();
}

/** Enqueues the current slot's job of each schedule unless some runner already did; resolves with how many it added. */
export async function enqueueScheduledJobs(
  db: Kysely<Database>,
  list: readonly Schedule[],
  at: Date,
  seen: Map<JobKind, string> = new Map(),
): Promise<number> {
  let added = 0;
  for (const schedule of list) {
    const slot = slotOf(schedule, at);
    // This runner already handled the slot; skip the round trip.
    if (seen.get(schedule.kind) === slot) continue;
    const id = await db
      .transaction()
      .execute((trx) =>
        enqueueJobOnce(
          trx,
          schedule.kind,
          { slot },
          { at: at.toISOString(), runAt: slot, maxAttempts: 3, uniqueKey: `${schedule.kind}@${slot}` },
        ),
      );
    seen.set(schedule.kind, slot);
    if (id) added += 1;
  }
  return added;
}
