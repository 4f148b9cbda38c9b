import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { type Clock, systemClock } from "../clock.ts";
import { decodeJson, type Engine, supportsRowLocks } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import type { JobKind } from "./queue.ts";
import { schedules as allSchedules, enqueueScheduledJobs, type Schedule } from "./schedules.ts";

/**
 * A handler must be idempotent: a job whose runner died mid-way is run again when its lease ends. `signal` aborts
 * when the job runs past its timeout: a handler hands it to its network calls and checks it between units of a
 * long sweep, so the job stops before it is tried again, instead of running on beside its own retry. For a
 * scheduled sweep it also aborts when the runner stops (shutdown): see `stop`.
 */
export type JobHandler = (payload: unknown, signal: AbortSignal) => Promise<void>;

export type JobRunnerOptions = {
  db: Kysely<Database>;
  engine: Engine;
  // Partial so a runner (e.g. in a test) can serve some kinds; a job without a handler fails and is retried.
  handlers: Partial<Record<JobKind, JobHandler>>;
  logger?: FastifyBaseLogger | undefined;
  clock?: Clock;
  /**
   * How long a claimed job is ours before another runner may take it over. Short, because a runner
   * that is alive renews it (every heartbeatMs) while the job runs: a dead one's jobs move on in seconds.
   */
  leaseMs?: number;
  heartbeatMs?: number;
  /** A job still running after this long is asked to stop (its signal aborts), then retried later. */
  jobTimeoutMs?: number;
  /**
   * How long a handler asked to stop has to do so before the runner leaves it behind (logged), so that one
   * ignoring its signal cannot hold its lane forever. Default: the lease.
   */
  stopGraceMs?: number;
  /** How many jobs of each kind run at once; kinds not listed run one at a time. */
  concurrency?: Partial<Record<JobKind, number>>;
  /**
   * At most how many due jobs of a kind one claim takes (one transaction, two statements); they wait in
   * this runner, their leases renewed, until a slot of the kind's concurrency is free. Default 32.
   */
  claimBatch?: number;
  pollMs?: number;
  /** Recurring jobs this runner enqueues when their slot comes (see schedules.ts). */
  schedules?: readonly Schedule[];
};

export type JobRunner = {
  /** Runs every job that is due now (kinds side by side, each within its concurrency); resolves with how many ran. */
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
};

/** The lease and its renewal: a crashed instance's jobs are taken over after at most this long. */
export const defaultLeaseMs = 30_000;

/**
 * Each kind has its own lane, so slow mail (a stalled SMTP server) or a slow webhook receiver never holds
 * up inbound filing or SLA checks. Mail gets a few parallel sends; scheduled scans run alone, as their work is one sweep.
 */
export const defaultConcurrency: Partial<Record<JobKind, number>> = {
  "mail.send": 8,
  "mail.inbound": 2,
  // Each delivery waits on someone else's server (up to its timeout): a few side by side keep one slow one from holding the rest.
  "webhook.deliver": 4,
};

/** Exponential backoff from 5 s, capped at an hour: with 20 attempts a job keeps trying for about ten hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** The lane that runs jobs of kinds nobody handles: they fail (and park) rather than sit unseen. */
const unhandled = "*";

/** Due jobs one claim takes by default: big enough that claiming costs little per job, small enough to share. */
export const defaultClaimBatch = 32;

type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  /** Only the claim holding this token (one per claimed batch) may renew or finish the job. */
  token: string;
};

class JobTimeout extends Error {}

/**
 * The runner stopped (shutdown) while a scheduled sweep ran. Its work is a scan of what is due, whole per unit,
 * so it stops between two units and goes back to the queue uncounted: the next start (or another instance)
 * goes on from there. Other jobs (a mail, a webhook) are left to finish: stopped mid-send, a mail the server
 * had taken whole could not be told from one it had not.
 */
class RunnerStopping extends Error {}

/** Kinds whose running jobs are asked to stop when the runner stops: the scheduled sweeps. */
const stoppedWithRunner: ReadonlySet<string> = new Set(allSchedules.map((schedule) => schedule.kind));

/**
 * Thrown by a handler when trying again could do harm (a mail the server may already have delivered would
 * reach its recipient twice): the job is parked as failed at once, with this message, for an admin to decide
 * (Admin → Background jobs: Run again).
 */
export class ParkJob extends Error {}

/**
 * What an admin reads under Background jobs for a failure. Before, a value that is not an Error (a library
 * rejecting with a plain object, a `throw undefined`) showed as "[object Object]" or "undefined", and an Error
 * without a message (Node's AggregateError of a refused connection) as nothing at all.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    const inner = error.errors.map(describeFailure).filter(Boolean);
    if (inner.length) return inner.join("; ");
  }
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
    return error.message || code || `${error.name} (no message)`;
  }
  if (typeof error === "string" && error) return error;
  let shown: string | undefined;
  try {
    shown = JSON.stringify(error);
  } catch {
    // A cycle or a BigInt: the type is all there is to say.
  }
  return `The job failed with ${shown && shown !== "{}" ? shown : typeof error === "object" && error !== null ? "an object" : String(error)} instead of an error.`;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, engine, handlers, logger } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(leaseMs / 3));
  const jobTimeoutMs = options.jobTimeoutMs ?? 10 * 60 * 1000;
  const stopGraceMs = options.stopGraceMs ?? leaseMs;
  /** The running sweeps' controllers, aborted by `stop`. */
  const stopOnStop = new Set<AbortController>();
  const pollMs = options.pollMs ?? 1000;
  const schedules = options.schedules ?? [];
  const concurrency = { ...defaultConcurrency, ...options.concurrency };
  const claimBatch = Math.max(1, options.claimBatch ?? defaultClaimBatch);
  const handledKinds = Object.keys(handlers) as JobKind[];
  const lanes: string[] = [...handledKinds, unhandled];
  const slotsSeen = new Map<JobKind, string>();

  /** Claims up to `limit` due jobs of one lane in one transaction: expired leases first, then the oldest due. */
  async function claim(lane: string, limit: number): Promise<ClaimedJob[]> {
    const now = clock().toISOString();
    const lockedUntil = new Date(clock().getTime() + leaseMs).toISOString();
    return db.transaction().execute(async (trx) => {
      let expired = trx
        .selectFrom("jobs")
        .select("id")
        .where("status", "=", "running")
        .where("locked_until", "<", now)
        .orderBy("locked_until")
        .limit(limit);
      let pending = trx
        .selectFrom("jobs")
        .select("id")
        .where("status", "=", "pending")
        .where("run_at", "<=", now)
        .orderBy("run_at")
        .limit(limit);
      if (lane === unhandled) {
        if (handledKinds.length) {
          expired = expired.where("kind", "not in", handledKinds);
          pending = pending.where("kind", "not in", handledKinds);
        }
      } else {
        expired = expired.where("kind", "=", lane);
        pending = pending.where("kind", "=", lane);
      }
      if (supportsRowLocks(engine)) {
        expired = expired.forUpdate().skipLocked();
        pending = pending.forUpdate().skipLocked();
      }
      const ids = (await expired.execute()).map((r) => r.id);
      if (ids.length < limit) ids.push(...(await pending.limit(limit - ids.length).execute()).map((r) => r.id));
      if (ids.length === 0) return [];
      // One statement claims the whole batch; the token lets only this claim renew or finish its jobs.
      // The condition is checked again: on SQLite nothing locked the rows between the select and here.
      const token = newId();
      const rows = await trx
        .updateTable("jobs")
        .set((eb) => ({
          status: "running",
          attempts: eb("attempts", "+", 1),
          locked_until: lockedUntil,
          locked_by: token,
        }))
        .where("id", "in", ids)
        .where((eb) =>
          eb.or([eb("status", "=", "pending"), eb.and([eb("status", "=", "running"), eb("locked_until", "<", now)])]),
        )
        .returning(["id", "kind", "payload", "attempts", "max_attempts"])
        .execute();
      // In the order they were chosen (expired leases, then oldest due), which RETURNING does not promise.
      const order = new Map(ids.map((id, i) => [id, i]));
      return rows.map((row) => ({ ...row, token })).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    });
  }

  /** Renews the leases of a batch's jobs not yet finished (waiting or running), so no other runner takes them. */
  function renewLeases(token: string): Promise<unknown> {
    return db
      .updateTable("jobs")
      .set({ locked_until: new Date(clock().getTime() + leaseMs).toISOString() })
      .where("locked_by", "=", token)
      .where("status", "=", "running")
      .execute();
  }

  /** Hands jobs claimed but never started back to the queue, as if they had not been claimed. */
  async function release(jobs: ClaimedJob[]): Promise<void> {
    for (const job of jobs) {
      await db
        .updateTable("jobs")
        .set((eb) => ({ status: "pending", locked_until: null, locked_by: null, attempts: eb("attempts", "-", 1) }))
        .where("id", "=", job.id)
        .where("locked_by", "=", job.token)
        .execute();
    }
  }

  /**
   * Runs a handler within the job's timeout. Past it, the handler's signal aborts and the job counts as failed
   * once the handler has stopped. Before, the runner only stopped waiting: the handler ran on while the job was
   * retried, so a slow mail went out twice and a long report build ran side by side with its own retries.
   */
  async function runHandler(job: ClaimedJob, handler: JobHandler): Promise<void> {
    const controller = new AbortController();
    const stoppable = stoppedWithRunner.has(job.kind);
    if (stoppable) stopOnStop.add(controller);
    const seconds = (ms: number) => ms / 1000;
    let deadline: NodeJS.Timeout | undefined;
    let abandon: NodeJS.Timeout | undefined;
    // Inside an async function, so that a handler throwing before its first await fails like any other.
    const running = (async () => handler(decodeJson(job.payload), controller.signal))();
    try {
      await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => {
            controller.abort(new JobTimeout(`The job did not finish within ${seconds(jobTimeoutMs)} s.`));
            abandon = setTimeout(() => {
              logger?.error({ jobId: job.id, kind: job.kind }, "job did not stop when its timeout asked it to");
              reject(
                new JobTimeout(
                  `The job did not finish within ${seconds(jobTimeoutMs)} s, and had not stopped ${seconds(stopGraceMs)} s after being asked to.`,
                ),
              );
            }, stopGraceMs);
          }, jobTimeoutMs);
        }),
      ]);
    } catch (error) {
      // A handler's own verdict stands (a mail that may have gone out is parked); any other failure after the
      // timeout (the aborted request's error) is the timeout.
      if (controller.signal.aborted && !(error instanceof ParkJob) && !(error instanceof JobTimeout)) {
        throw controller.signal.reason;
      }
      throw error;
    } finally {
      stopOnStop.delete(controller);
      clearTimeout(deadline);
      clearTimeout(abandon);
      // Left behind: its eventual failure has nobody to tell but the log.
      running.catch(() => {});
    }
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const { token } = job;
    const handler = handlers[job.kind as JobKind];
    try {
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}".`);
      await runHandler(job, handler);
      await db
        .updateTable("jobs")
        .set({
          status: "done",
          locked_until: null,
          locked_by: null,
          finished_at: clock().toISOString(),
          last_error: null,
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", token)
        .execute();
    } catch (error) {
      if (error instanceof RunnerStopping) {
        logger?.info({ jobId: job.id, kind: job.kind }, "job stopped with the runner; it goes on at the next start");
        await release([job]);
        return;
      }
      const message = describeFailure(error);
      const parked = error instanceof ParkJob || job.attempts >= job.max_attempts;
      logger?.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, parked, err: error }, "job failed");
      await db
        .updateTable("jobs")
        .set({
          status: parked ? "failed" : "pending",
          locked_until: null,
          locked_by: null,
          last_error: message.slice(0, 2000),
          run_at: new Date(clock().getTime() + retryDelayMs(job.attempts)).toISOString(),
          finished_at: parked ? clock().toISOString() : null,
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", token)
        .execute();
    }
  }

  /**
   * Runs one lane until nothing of its kind is due: claims a batch when no claimed job is waiting and a
   * slot is free, and keeps up to the lane's concurrency in flight. A failing job fails alone.
   */
  async function drainLane(lane: string): Promise<number> {
    const limit = lane === unhandled ? 1 : Math.max(1, concurrency[lane as JobKind] ?? 1);
    const batch = lane === unhandled ? 1 : Math.max(limit, claimBatch);
    const active = new Set<Promise<void>>();
    const waiting: ClaimedJob[] = [];
    // While a batch has jobs not finished, its leases are renewed, so a long send is not mistaken for a dead runner.
    const held = new Map<string, number>();
    const heartbeat = setInterval(() => {
      for (const token of held.keys()) {
        renewLeases(token).catch((error: unknown) => logger?.warn({ err: error, lane }, "job heartbeat failed"));
      }
    }, heartbeatMs);
    const finished = (job: ClaimedJob) => {
      const left = (held.get(job.token) ?? 1) - 1;
      if (left > 0) held.set(job.token, left);
      else held.delete(job.token);
    };
    let count = 0;
    try {
      for (;;) {
        if (stopping && waiting.length) {
          // Once stopping, finish what is in flight but start nothing new.
          const unstarted = waiting.splice(0);
          await release(unstarted);
          for (const job of unstarted) finished(job);
        }
        let claimed = 0;
        if (!stopping && waiting.length === 0 && active.size < limit) {
          const jobs = await claim(lane, batch);
          claimed = jobs.length;
          if (claimed) held.set(jobs[0]?.token ?? "", claimed);
          waiting.push(...jobs);
        }
        while (active.size < limit && waiting.length) {
          const job = waiting.shift() as ClaimedJob;
          const run: Promise<void> = runJob(job)
            .catch((error: unknown) => logger?.error({ err: error, jobId: job.id }, "job bookkeeping failed"))
            .finally(() => {
              active.delete(run);
              finished(job);
            });
          active.add(run);
          count += 1;
        }
        if (active.size === 0 && waiting.length === 0 && claimed === 0) return count;
        if (active.size >= limit || waiting.length) {
          await Promise.race(active);
        } else {
          // Nothing more due right now: look again when a job ends or after a poll, so free slots
          // pick up new work even while one job in the lane is slow.
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([...active, new Promise<void>((resolve) => (timer = setTimeout(resolve, pollMs)))]);
          clearTimeout(timer);
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function runDue(): Promise<number> {
    if (schedules.length) await enqueueScheduledJobs(db, schedules, clock(), slotsSeen);
    const counts = await Promise.all(lanes.map(drainLane));
    return counts.reduce((a, b) => a + b, 0);
  }

  let stopping = false;
  const stopped = { now: true };
  const loops: Promise<void>[] = [];
  let wake: (() => void)[] = [];
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wake = wake.filter((w) => w !== done);
        resolve();
      }
      wake.push(done);
    });

  /** Each lane polls on its own, so one kind's slow jobs never delay another kind's next round. */
  async function loop(work: () => Promise<unknown>, what: string): Promise<void> {
    while (!stopped.now) {
      await work().catch((error: unknown) => logger?.error({ err: error, lane: what }, "job runner failed"));
      if (!stopped.now) await pause();
    }
  }

  return {
    runDue,
    start() {
      if (!stopped.now) return;
      stopped.now = false;
      stopping = false;
      if (schedules.length) {
        loops.push(loop(() => enqueueScheduledJobs(db, schedules, clock(), slotsSeen), "schedules"));
      }
      for (const lane of lanes) loops.push(loop(() => drainLane(lane), lane));
    },
    async stop() {
      stopped.now = true;
      stopping = true;
      // A sweep stops between two units of work instead of running to its end: before, a stop (a restart) waited
      // for the whole sweep, up to 500 tickets closed or alerted one transaction each, past the shutdown deadline.
      for (const controller of stopOnStop) {
        controller.abort(
          new RunnerStopping("The job runner stopped (shutting down); the job goes on at the next start."),
        );
      }
      for (const w of [...wake]) w();
      await Promise.all(loops.splice(0));
    },
  };
}
