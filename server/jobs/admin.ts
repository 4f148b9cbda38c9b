/** What admins see of the job system, and re-running a parked job. */
import type { Kysely } from "kysely";
import type { AdminJob, JobOverview } from "../../common/service-levels.ts";
import { AppError, notFound } from "../core/errors.ts";
import { now } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

const columns = [
  "id",
  "kind",
  "status",
  "attempts",
  "max_attempts",
  "run_at",
  "last_error",
  "created_at",
  "finished_at",
] as const;

type Row = Pick<Database["jobs"], (typeof columns)[number]>;

function present(row: Row): AdminJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** Waiting, running and parked jobs, and how long the oldest due one has waited: one reading for both views. */
async function backlog(db: Kysely<Database>, at: string) {
  const [counts, oldest] = await Promise.all([
    db
      .selectFrom("jobs")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "in", ["pending", "running", "failed"])
      .groupBy("status")
      .execute(),
    db
      .selectFrom("jobs")
      .select("run_at")
      .where("status", "=", "pending")
      .where("run_at", "<=", at)
      .orderBy("run_at")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return {
    pending: count("pending"),
    running: count("running"),
    failed: count("failed"),
    oldestPendingSeconds: oldest ? Math.max(0, (Date.parse(at) - Date.parse(oldest.run_at)) / 1000) : null,
  };
}

export async function jobOverview(db: Kysely<Database>): Promise<JobOverview> {
  const [{ oldestPendingSeconds, ...counts }, failed, recent] = await Promise.all([
    backlog(db, now()),
    db
      .selectFrom("jobs")
      .select(columns)
      .where("status", "=", "failed")
      .orderBy("finished_at", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("jobs")
      .select(columns)
      .where("status", "in", ["pending", "running", "done"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(20)
      .execute(),
  ]);
  return { counts, oldestPendingSeconds, failed: failed.map(present), recent: recent.map(present) };
}

/** The backlog in brief, for /readyz: waiting and parked jobs, and how long the oldest due one has waited. */
export async function jobBacklog(
  db: Kysely<Database>,
): Promise<{ pending: number; failed: number; oldestPendingSeconds: number | null }> {
  const { pending, failed, oldestPendingSeconds } = await backlog(db, now());
  return { pending, failed, oldestPendingSeconds };
}

/** A parked job goes back in the queue with fresh attempts; its last error stays until it runs. */
export async function rerunJob(db: Kysely<Database>, id: string): Promise<void> {
  const job = await db.selectFrom("jobs").select("status").where("id", "=", id).executeTakeFirst();
  if (!job) throw notFound("That job");
  if (job.status !== "failed") throw new AppError("conflict", "Only failed jobs can be run again.");
  await db
    .updateTable("jobs")
    .set({ status: "pending", attempts: 0, run_at: now(), finished_at: null, locked_until: null, locked_by: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .execute();
}

/**
 * Every parked job of one kind back in the queue at once, e.g. all mail after a long SMTP outage.
 * Resolves with how many were queued again.
 */
export async function rerunFailedJobs(db: Kysely<Database>, kind: string): Promise<number> {
  const result = await db
    .updateTable("jobs")
    .set({ status: "pending", attempts: 0, run_at: now(), finished_at: null, locked_until: null, locked_by: null })
    .where("kind", "=", kind)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
