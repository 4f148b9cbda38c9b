/**
 * Where idempotency keys live (the table from migration 0030). The plugin in http/idempotency.ts decides when a
 * key applies; this module only claims, completes and releases them, atomically on both engines.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

const hour = 60 * 60 * 1000;
/** How long a first answer is kept, like Stripe: long enough for any sane retry policy. */
export const idempotencyRetentionMs = 24 * hour;
/**
 * A claim still unanswered after this long belongs to a process that died mid-request (an answered
 * request always completes or releases its claim), so the next retry may take it over.
 */
const abandonedClaimMs = 5 * 60 * 1000;

export type StoredResponse = { status: number; contentType: string | null; body: string };

export type Claim =
  /** This request owns the key now: run it, then complete or release. */
  | { kind: "claimed" }
  /** The key was answered before, for the same request: send that answer again. */
  | { kind: "replay"; response: StoredResponse }
  /** The key was used for a different request. */
  | { kind: "reused" }
  /** The first request with this key is still running. */
  | { kind: "in_progress" };

export type KeyOwner = { owner: string; key: string };

export async function claimIdempotencyKey(
  db: Kysely<Database>,
  { owner, key }: KeyOwner,
  fingerprint: string,
  at: Date,
): Promise<Claim> {
  // An expired answer or an abandoned claim is as good as no row: clear it so the insert below can win.
  await db
    .deleteFrom("idempotency_keys")
    .where("owner", "=", owner)
    .where("key", "=", key)
    .where((eb) =>
      eb.or([
        eb("created_at", "<=", new Date(at.getTime() - idempotencyRetentionMs).toISOString()),
        eb.and([
          eb("status", "is", null),
          eb("created_at", "<=", new Date(at.getTime() - abandonedClaimMs).toISOString()),
        ]),
      ]),
    )
    .execute();
  // The primary key (owner, key) lets exactly one of any number of concurrent inserts through.
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ owner, key, fingerprint, status: null, content_type: null, body: null, created_at: at.toISOString() })
    .onConflict((oc) => oc.columns(["owner", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) return { kind: "claimed" };
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["fingerprint", "status", "content_type", "body"])
    .where("owner", "=", owner)
    .where("key", "=", key)
    .executeTakeFirst();
  // Released between our insert and this read: the caller simply tries again.
  if (!row) return { kind: "in_progress" };
  if (row.fingerprint !== fingerprint) return { kind: "reused" };
  if (row.status === null) return { kind: "in_progress" };
  return { kind: "replay", response: { status: row.status, contentType: row.content_type, body: row.body ?? "" } };
}

/** Keeps the answer the first request got, for its retries. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  { owner, key }: KeyOwner,
  response: StoredResponse,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ status: response.status, content_type: response.contentType, body: response.body })
    .where("owner", "=", owner)
    .where("key", "=", key)
    .execute();
}

/** Gives the key back unanswered (the request failed on our side), so a retry runs the request again. */
export async function releaseIdempotencyKey(db: Kysely<Database>, { owner, key }: KeyOwner): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("owner", "=", owner)
    .where("key", "=", key)
    .where("status", "is", null)
    .execute();
}

/** For the hourly clean-up: answers older than a day are no use to anyone. */
export async function deleteExpiredIdempotencyKeys(db: Kysely<Database>, at: Date): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<=", new Date(at.getTime() - idempotencyRetentionMs).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
