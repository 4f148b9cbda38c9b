import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { eventsAfter, type RecentEvent } from "./queries.ts";

/** The smallest UUIDv7 of a millisecond: every id made in it or later sorts above it. */
export function idFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The millisecond a UUIDv7 was made in. */
export function idTime(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

export type EventPump = { start: () => void; wake: () => void; stop: () => Promise<void> };

export type EventPumpOptions = {
  db: Kysely<Database>;
  onEvents: (events: RecentEvent[]) => Promise<void>;
  onError: (error: unknown) => void;
  /** The slow poll; on PostgreSQL LISTEN/NOTIFY wakes the pump sooner. */
  pollMs: number;
  /**
   * How far back each read starts. An id is made inside its transaction, so a
   * slow transaction (or another instance's clock) can commit an event whose id
   * is lower than one already read: re-reading a window and skipping ids
   * already seen catches those, where "after the last id" would lose them.
   */
  lookbackMs: number;
  clock?: () => number;
};

/**
 * Reads new `ticket_events` rows and hands them on, each exactly once. One per
 * process; readers never see payloads here, only which ticket changed and how.
 */
export function createEventPump({
  db,
  onEvents,
  onError,
  pollMs,
  lookbackMs,
  clock = Date.now,
}: EventPumpOptions): EventPump {
  const seen = new Map<string, number>();
  let startedAt = 0;
  let primed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;

  async function readOnce(): Promise<void> {
    const floor = clock() - lookbackMs;
    const rows = await eventsAfter(db, idFloor(floor), 5000);
    const fresh: RecentEvent[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      const made = idTime(row.id);
      seen.set(row.id, made);
      // The first read only learns what already exists, except what was made since start (a subscriber's
      // first moments must not be lost to the race with this read). After that, whatever is unseen is news,
      // however old its id.
      if (primed || made >= startedAt) fresh.push(row);
    }
    primed = true;
    for (const [id, made] of seen) if (made < floor) seen.delete(id);
    if (fresh.length > 0) await onEvents(fresh);
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = readOnce()
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      primed = false;
      startedAt = clock();
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
