/**
 * The hourly clean-up: rows and files that are past any use. Each step is
 * one bounded delete, so running it twice (two instances, a retry) is harmless.
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { deleteExpiredIdempotencyKeys } from "../accounts/idempotency-keys.ts";
import type { AppContext } from "../core/context.ts";
import { removeOrphanedFiles } from "../tickets/attachments/orphans.ts";
import { purgeExpiredUploads } from "../tickets/attachments/standalone-uploads.ts";
import { uploadTempDir } from "../tickets/commands/submit-ticket.ts";

type Ctx = Pick<AppContext, "db" | "config">;

const DAY = 24 * 60 * 60 * 1000;
/** Finished jobs stay this long for the admin's job view; failed ones stay until someone re-runs them. */
export const finishedJobRetentionDays = 7;
/** Used and expired one-time links are kept a day, so a second click still says "used" rather than "unknown". */
const spentLinkRetentionMs = DAY;
/** The longest rate-limit window is an hour; a day-old window is certainly over. */
const rateLimitRetentionMs = DAY;
/** A webhook's delivery log answers "what happened lately"; finished deliveries older than this go. */
export const webhookDeliveryRetentionDays = 30;
/** An upload still in the temporary folder after a day belongs to a request that never committed. */
const tempUploadRetentionMs = DAY;

export type CleanupCounts = {
  sessions: number;
  guestSessions: number;
  accountTokens: number;
  guestLinks: number;
  rateLimits: number;
  jobs: number;
  webhookDeliveries: number;
  tempUploads: number;
  idempotencyKeys: number;
  expiredUploads: number;
  orphanedFiles: number;
};

export async function cleanUp({ db, config }: Ctx, at: Date): Promise<CleanupCounts> {
  const now = at.toISOString();
  const ago = (ms: number) => new Date(at.getTime() - ms).toISOString();
  const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  const guestSessions = await db.deleteFrom("guest_sessions").where("expires_at", "<=", now).executeTakeFirst();
  const spent = ago(spentLinkRetentionMs);
  const accountTokens = await db
    .deleteFrom("account_tokens")
    .where((eb) => eb.or([eb("expires_at", "<=", spent), eb("used_at", "<=", spent)]))
    .executeTakeFirst();
  const guestLinks = await db
    .deleteFrom("guest_links")
    .where((eb) => eb.or([eb("expires_at", "<=", spent), eb("used_at", "<=", spent)]))
    .executeTakeFirst();
  const rateLimits = await db
    .deleteFrom("rate_limits")
    .where("window_start", "<=", ago(rateLimitRetentionMs))
    .executeTakeFirst();
  const jobs = await db
    .deleteFrom("jobs")
    .where("status", "=", "done")
    .where("finished_at", "<=", ago(finishedJobRetentionDays * DAY))
    .executeTakeFirst();
  const webhookDeliveries = await db
    .deleteFrom("webhook_deliveries")
    .where("status", "in", ["succeeded", "failed"])
    .where("created_at", "<=", ago(webhookDeliveryRetentionDays * DAY))
    .executeTakeFirst();
  return {
    sessions: count(sessions),
    guestSessions: count(guestSessions),
    accountTokens: count(accountTokens),
    guestLinks: count(guestLinks),
    rateLimits: count(rateLimits),
    jobs: count(jobs),
    webhookDeliveries: count(webhookDeliveries),
    tempUploads: await removeStaleUploads(uploadTempDir(config), at.getTime() - tempUploadRetentionMs),
    idempotencyKeys: await deleteExpiredIdempotencyKeys(db, at),
    expiredUploads: await purgeExpiredUploads({ db, config }, at),
    // After the expired uploads: a file whose row that step removed but whose removal failed goes here.
    orphanedFiles: await removeOrphanedFiles({ db, config }, at),
  };
}

async function removeStaleUploads(dir: string, before: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0; // No upload ever happened here.
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(".upload")) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtimeMs < before) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
