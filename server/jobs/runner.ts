import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { type Clock, systemClock } from "../clock.ts";
import { decodeJson, type Engine, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { JobKind } from "./queue.ts";
import { enqueueScheduledJobs, type Schedule } from "./schedules.ts";

/** A handler must be idempotent: a job whose runner died mid-way is run again when its lease ends. */
export type JobHandler = (payload: unknown) => Promise<void>;

export type JobRunnerOptions = {
  db: Kysely<Database>;
  engine: Engine;
  // Partial so a runner (e.g. in a test) can serve some kinds; a job without a handler fails and is retried.
  handlers: Partial<Record<JobKind, JobHandler>>;
  logger?: FastifyBaseLogger | undefined;
  clock?: Clock;
  /** How long a claimed job is ours before another runner may take it over. */
  leaseMs?: number;
  pollMs?: number;
  /** Recurring jobs this runner enqueues when their slot comes (see schedules.ts). */
  schedules?: readonly Schedule[];
};

export type JobRunner = {
  /** Runs every job that is due now, one after another; resolves with how many ran. */
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
};

/** Exponential backoff from 5 s, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, engine, handlers, logger } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  const pollMs = options.pollMs ?? 1000;
  const schedules = options.schedules ?? [];
  const slotsSeen = new Map<JobKind, string>();

  async function claim() {
    const now = clock().toISOString();
    const lockedUntil = new Date(clock().getTime() + leaseMs).toISOString();
    return db.transaction().execute(async (trx) => {
      // Two index-friendly lookups instead of one OR: expired leases first (few, and the
      // oldest work), then the earliest due pending job, without sorting the whole backlog.
      let expired = trx
        .selectFrom("jobs")
        .select("id")
        .where("status", "=", "running")
        .where("locked_until", "<", now)
        .orderBy("locked_until")
        .limit(1);
      let pending = trx
        .selectFrom("jobs")
        .select("id")
        .where("status", "=", "pending")
        .where("run_at", "<=", now)
        .orderBy("run_at")
        .limit(1);
      if (supportsRowLocks(engine)) {
        expired = expired.forUpdate().skipLocked();
        pending = pending.forUpdate().skipLocked();
      }
      const row = (await expired.executeTakeFirst()) ?? (await pending.executeTakeFirst());
      if (!row) return undefined;
      return trx
        .updateTable("jobs")
        .set((eb) => ({ status: "running", attempts: eb("attempts", "+", 1), locked_until: lockedUntil }))
        .where("id", "=", row.id)
        .returning(["id", "kind", "payload", "attempts", "max_attempts"])
        .executeTakeFirstOrThrow();
    });
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const handler = handlers[job.kind as JobKind];
    try {
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}".`);
      await handler(decodeJson(job.payload));
      await db
        .updateTable("jobs")
        .set({ status: "done", locked_until: null, finished_at: clock().toISOString(), last_error: null })
        .where("id", "=", job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const parked = job.attempts >= job.max_attempts;
      logger?.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, parked, err: error }, "job failed");
      await db
        .updateTable("jobs")
        .set({
          status: parked ? "failed" : "pending",
          locked_until: null,
          last_error: message.slice(0, 2000),
          run_at: new Date(clock().getTime() + retryDelayMs(job.attempts)).toISOString(),
          finished_at: parked ? clock().toISOString() : null,
        })
        .where("id", "=", job.id)
        .execute();
    }
    return true;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function runDue(): Promise<number> {
    let count = 0;
    if (schedules.length) await enqueueScheduledJobs(db, schedules, clock(), slotsSeen);
    while (await runOne()) count += 1;
    return count;
  }

  function tick() {
    running = runDue()
      .catch((error: unknown) => logger?.error({ err: error }, "job runner failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  }

  return {
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
