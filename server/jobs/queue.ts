import type { Transaction } from "kysely";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";

export type JobKind =
  | "mail.send"
  | "mail.inbound"
  | "sla.check"
  | "tickets.auto_close"
  | "tickets.purge_deleted"
  | "automation.time_rules"
  | "maintenance.cleanup"
  | "webhook.deliver"
  | "satisfaction.send"
  | "reports.cube";

export type EnqueueOptions = {
  runAt?: string;
  maxAttempts?: number;
  at: string;
  /** A job with this key is made once: enqueuing it again (another runner, a retry) does nothing. */
  uniqueKey?: string;
};

function jobRow(kind: JobKind, payload: Record<string, unknown>, options: EnqueueOptions) {
  return {
    id: newId(),
    kind,
    payload: encodeJson(payload),
    status: "pending" as const,
    attempts: 0,
    max_attempts: options.maxAttempts ?? 20,
    run_at: options.runAt ?? options.at,
    locked_until: null,
    last_error: null,
    created_at: options.at,
    finished_at: null,
    unique_key: options.uniqueKey ?? null,
  };
}

/**
 * Puts a job in the outbox inside the caller's transaction: it exists exactly
 * when the change that caused it committed, and a runner picks it up after.
 */
export async function enqueueJob(
  trx: Transaction<Database>,
  kind: JobKind,
  payload: Record<string, unknown>,
  options: EnqueueOptions,
): Promise<string> {
  const row = jobRow(kind, payload, options);
  await trx.insertInto("jobs").values(row).execute();
  return row.id;
}

/** Like enqueueJob, for a job that must exist once: resolves with undefined when its key is already taken. */
export async function enqueueJobOnce(
  trx: Transaction<Database>,
  kind: JobKind,
  payload: Record<string, unknown>,
  options: EnqueueOptions & { uniqueKey: string },
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto("jobs")
    .values(jobRow(kind, payload, options))
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id;
}
