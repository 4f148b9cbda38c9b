/**
 * A fetched message that cannot be stored (the database refuses one of its values, a bug trips on one odd
 * message) must not hold up the mail behind it, and must not be lost. The IMAP poller goes past it; each
 * failed try is counted here, across polls, and after `storeAttempts` tries the message is kept as a
 * quarantined inbound message with the error, where an admin sees it (Admin → Inbound mail) and can run it
 * again once the cause is fixed. Only then is it flagged on the server, so it is neither taken again nor
 * filed twice. A few tries rather than one, so a passing fault (a lock, a restart) does not quarantine mail.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { cleanText } from "../../../common/text.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { syntheticMessageIdDomain } from "../threading.ts";
import type { Received } from "./store.ts";

/** Tries (one per poll) before a message that cannot be stored is quarantined. */
export const storeAttempts = 3;

/** The key of a message's tries: its raw bytes, so nothing has to be read from the message to count them. */
export function rawHash(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex");
}

export type StoreFailure = { attempts: number; quarantinedId: string | null };

/** This mailbox's messages that failed to store, by raw hash (normally none). */
export async function storeFailures(db: Kysely<Database>, mailboxId: string): Promise<Map<string, StoreFailure>> {
  const rows = await db
    .selectFrom("inbound_store_failures")
    .select(["raw_hash", "attempts", "quarantined_id"])
    .where("mailbox_id", "=", mailboxId)
    .execute();
  return new Map(rows.map((r) => [r.raw_hash, { attempts: r.attempts, quarantinedId: r.quarantined_id }]));
}

/** A message that failed before was stored after all: its tries are forgotten. */
export async function forgetStoreFailure(db: Kysely<Database>, mailboxId: string, hash: string): Promise<void> {
  await db
    .deleteFrom("inbound_store_failures")
    .where("mailbox_id", "=", mailboxId)
    .where("raw_hash", "=", hash)
    .where("quarantined_id", "is", null)
    .execute();
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return cleanText(text).slice(0, 2000);
}

/**
 * Counts one failed try to store `received`; at the last try, keeps it as a quarantined inbound message in the
 * same transaction. The increment is one statement, so two pollers failing at once count two tries and only
 * one of them quarantines. The quarantined row carries only what cannot be refused: the raw bytes, a
 * Message-ID made from their hash (on the synthetic domain, which threading never matches; the original
 * Message-ID may be the very value that failed) and the error. Nothing is queued: an admin runs it again.
 * Throws when the database refuses even this: then the fault is not the message's, and the poll ends there.
 */
export async function recordStoreFailure(
  db: Kysely<Database>,
  received: Received,
  hash: string,
  error: unknown,
  at = new Date().toISOString(),
): Promise<StoreFailure> {
  const detail = errorText(error);
  return db.transaction().execute(async (trx) => {
    const counted = await trx
      .insertInto("inbound_store_failures")
      .values({
        mailbox_id: received.mailboxId,
        raw_hash: hash,
        attempts: 1,
        last_error: detail,
        first_failed_at: at,
        last_failed_at: at,
        quarantined_id: null,
      })
      .onConflict((oc) =>
        oc.columns(["mailbox_id", "raw_hash"]).doUpdateSet((eb) => ({
          attempts: eb("inbound_store_failures.attempts", "+", 1),
          last_error: detail,
          last_failed_at: at,
        })),
      )
      .returning(["attempts", "quarantined_id"])
      .executeTakeFirstOrThrow();
    if (counted.quarantined_id || counted.attempts < storeAttempts) {
      return { attempts: counted.attempts, quarantinedId: counted.quarantined_id };
    }
    const id = newId();
    await trx
      .insertInto("inbound_messages")
      .values({
        id,
        mailbox_id: received.mailboxId,
        message_id: `<not-stored.${hash}@${syntheticMessageIdDomain}>`,
        content_hash: null,
        source: received.source,
        envelope_from: null,
        raw: received.raw,
        size: received.tooLarge?.size ?? received.raw.length,
        status: "quarantined",
        reason: "not_stored",
        detail: `Storing it failed ${counted.attempts} times, the last at ${at}: ${detail}${
          received.tooLarge
            ? ` Only its headers were fetched: it is larger than the limit (${received.tooLarge.size} bytes).`
            : ""
        }`,
        from_address: null,
        subject: null,
        ticket_id: null,
        received_at: at,
        processed_at: at,
        duplicate_of: null,
      })
      .execute();
    await trx
      .updateTable("inbound_store_failures")
      .set({ quarantined_id: id })
      .where("mailbox_id", "=", received.mailboxId)
      .where("raw_hash", "=", hash)
      .execute();
    return { attempts: counted.attempts, quarantinedId: id };
  });
}
