import type { Transaction } from "kysely";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";

export type JobKind = "mail.send" | "mail.inbound";

export type EnqueueOptions = { runAt?: string; maxAttempts?: number; at: string };

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
  const id = newId();
  await trx
    .insertInto("jobs")
    .values({
      id,
      kind,
      payload: encodeJson(payload),
      status: "pending",
      attempts: 0,
      max_attempts: options.maxAttempts ?? 8,
      run_at: options.runAt ?? options.at,
      locked_until: null,
      last_error: null,
      created_at: options.at,
      finished_at: null,
    })
    .execute();
  return id;
}
