import { type Kysely, sql, type Transaction } from "kysely";
import { cleanText, cutText } from "../../../common/text.ts";
import { engineOf } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database, InboundStatus } from "../../db/schema.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { acceptableAutomatic } from "./protection.ts";
import { contentHash, storageMessageId } from "./raw-message.ts";

export type Received = {
  mailboxId: string;
  raw: Buffer;
  source: "smtp" | "imap";
  envelopeFrom: string | null;
  /** Set for a message over the size limit: `raw` holds only its header block, `size` its real size. */
  tooLarge?: { size: number };
};

/**
 * The acknowledgement point: the raw message is stored, and its processing
 * queued, in one transaction. Only after this commits does the SMTP receiver
 * answer "250 OK" or the IMAP poller flag the message. A message is a
 * duplicate only when the same mailbox already has one with the same
 * Message-ID and the same content (a retried session, a second poll): it is
 * then kept as an "ignored: duplicate" row pointing at the original and never
 * filed again. The same holds across mailboxes: a message addressed to two
 * of ours (To: help@, Cc: billing@; a reply-all) is filed once, by the
 * mailbox that got it first. A different message that reuses a Message-ID is
 * stored and filed as its own, so nothing that got a 250 vanishes.
 */
/** Any fixed number: the first key of the advisory locks that put stores of one message in turn. */
const sameMessageLock = 20_261_204;

export async function storeInbound(
  db: Kysely<Database>,
  received: Received,
  at = new Date().toISOString(),
): Promise<{ id: string; duplicate: boolean; originalId: string }> {
  const hash = contentHash(received.raw);
  // Read from raw bytes, so they may carry a NUL, which PostgreSQL refuses in text: the store then failed on
  // every attempt (451 to the sender for days; the IMAP poll stopped at that message).
  const messageId = cleanText(storageMessageId(received.raw, hash));
  const envelopeFrom = received.envelopeFrom === null ? null : cleanText(received.envelopeFrom);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const row = {
      id,
      mailbox_id: received.mailboxId,
      message_id: messageId,
      content_hash: hash,
      source: received.source,
      envelope_from: envelopeFrom,
      raw: received.raw,
      size: received.tooLarge?.size ?? received.raw.length,
      reason: null,
      detail: null,
      from_address: null,
      subject: null,
      ticket_id: null,
      received_at: at,
    };
    // Two receivers storing the same message at once (SMTP and an IMAP poll, two instances) would each miss the
    // other's uncommitted copy and both file it. PostgreSQL runs them one after the other for this message; SQLite
    // already does, as it has one writer.
    if (engineOf(trx) === "postgres") {
      await sql`select pg_advisory_xact_lock(${sameMessageLock}, hashtext(${`${messageId} ${hash}`}))`.execute(trx);
    }
    // Already stored for another of our mailboxes (it was addressed to both): kept here as its duplicate.
    const elsewhere = await trx
      .selectFrom("inbound_messages")
      .innerJoin("mailboxes", "mailboxes.id", "inbound_messages.mailbox_id")
      .select(["inbound_messages.id", "inbound_messages.received_at", "mailboxes.address"])
      .where("inbound_messages.message_id", "=", messageId)
      .where("inbound_messages.content_hash", "=", hash)
      .where("inbound_messages.duplicate_of", "is", null)
      .where("inbound_messages.mailbox_id", "!=", received.mailboxId)
      // Automatic mail that mailbox ignored may be one this mailbox accepts (router.ts): it is filed by this one.
      .where((eb) =>
        eb.not(
          eb.and([
            eb("inbound_messages.status", "=", "ignored"),
            eb("inbound_messages.reason", "in", acceptableAutomatic),
          ]),
        ),
      )
      .orderBy("inbound_messages.received_at")
      .orderBy("inbound_messages.id")
      .executeTakeFirst();
    const inserted = elsewhere
      ? undefined
      : await trx
          .insertInto("inbound_messages")
          .values({ ...row, status: "received", duplicate_of: null, processed_at: null })
          .onConflict((oc) =>
            oc.columns(["mailbox_id", "message_id", "content_hash"]).where("duplicate_of", "is", null).doNothing(),
          )
          .returning("id")
          .executeTakeFirst();
    if (inserted) {
      await enqueueJob(
        trx,
        "mail.inbound",
        { inboundId: id, ...(received.tooLarge ? { mode: "too_large" } : {}) },
        { at },
      );
      return { id, duplicate: false, originalId: id };
    }
    const original =
      elsewhere ??
      (await trx
        .selectFrom("inbound_messages")
        .select(["id", "received_at"])
        .where("mailbox_id", "=", received.mailboxId)
        .where("message_id", "=", messageId)
        .where("content_hash", "=", hash)
        .where("duplicate_of", "is", null)
        .executeTakeFirstOrThrow());
    await trx
      .insertInto("inbound_messages")
      .values({
        ...row,
        status: "ignored",
        reason: "duplicate",
        detail: elsewhere
          ? `The same message (Message-ID and content) also came to ${elsewhere.address} at ${original.received_at}; only that one is filed.`
          : `The same message (Message-ID and content) was received at ${original.received_at}; only that one is filed.`,
        duplicate_of: original.id,
        processed_at: at,
      })
      .execute();
    return { id, duplicate: true, originalId: original.id };
  });
}

export type Settlement = {
  status: Exclude<InboundStatus, "received">;
  reason: string;
  detail?: string | null;
  ticketId?: string | null;
  from?: string | null;
  subject?: string | null;
};

/**
 * Records how a message was handled, once: only a message still "received"
 * is settled. Returns false when another worker settled it first; inside a
 * ticket's transaction that rolls the ticket back, so it is never made twice.
 */
export async function settleInbound(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  outcome: Settlement,
): Promise<boolean> {
  const result = await db
    .updateTable("inbound_messages")
    .set({
      status: outcome.status,
      reason: outcome.reason,
      // Cleaned here too: an error text may quote the very bytes that made filing fail.
      detail: outcome.detail ? cleanText(outcome.detail) : null,
      ticket_id: outcome.ticketId ?? null,
      from_address: outcome.from ? cleanText(outcome.from) : null,
      subject: outcome.subject ? cutText(cleanText(outcome.subject), 500) : null,
      processed_at: new Date().toISOString(),
    })
    .where("id", "=", id)
    .where("status", "=", "received")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Puts a held or quarantined message back through the router (after the cause
 * was fixed), or a message stuck waiting (its job parked) through it again.
 */
export async function requeueInbound(db: Kysely<Database>, id: string, mode: "route" | "new_ticket"): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const result = await trx
      .updateTable("inbound_messages")
      .set({ status: "received", reason: null, detail: null, processed_at: null })
      .where("id", "=", id)
      .where("status", "in", ["review", "quarantined", "received"])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await enqueueJob(trx, "mail.inbound", { inboundId: id, mode }, { at });
    return true;
  });
}

/** An admin sets a held, quarantined or stuck message aside: it is kept, marked ignored, and never filed. */
export async function dismissInbound(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable("inbound_messages")
    .set({ status: "ignored", reason: "dismissed", processed_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("status", "in", ["review", "quarantined", "received"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
