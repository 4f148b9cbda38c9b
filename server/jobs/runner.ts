import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { decodeJson, type Engine, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { JobKind } from "./queue.ts";

/** A handler must be idempotent: a job whose runner died mid-way is run again when its lease ends. */
export type JobHandler = (payload: unknown) => Promise<void>;

export type JobRunnerOptions = {
  db: Kysely<Database>;
  engine: Engine;
  // Partial so a runner (e.g. in a test) can serve some kinds; a job without a handler fails and is retried.
  handlers: Partial<Record<JobKind, JobHandler>>;
  logger?: FastifyBaseLogger | undefined;
  clock?: () => Date;
  /** How long a claimed job is ours before another runner may take it over. */
  leaseMs?: number;
  pollMs?: number;
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
  const clock = options.clock ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  const pollMs = options.pollMs ?? 1000;

  async function claim() {
    const now = clock().toISOString();
    const lockedUntil = new Date(clock().getTime() + leaseMs).toISOString();
    return db.transaction().execute(async (trx) => {
      let next = trx
        .selectFrom("jobs")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("run_at", "<=", now)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<", now)]),
          ]),
        )
        .orderBy("run_at")
        .limit(1);
      if (supportsRowLocks(engine)) next = next.forUpdate().skipLocked();
      const row = await next.executeTakeFirst();
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
