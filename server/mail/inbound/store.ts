import type { Kysely, Transaction } from "kysely";
import { cleanText } from "../../../common/text.ts";
import { newId } from "../../db/ids.ts";
import type { Database, InboundStatus } from "../../db/schema.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { storageMessageId } from "./parse.ts";

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
 * answer "250 OK" or the IMAP poller flag the message. The same Message-ID
 * arriving again for the same mailbox is recognised and stored only once.
 */
export async function storeInbound(
  db: Kysely<Database>,
  received: Received,
  at = new Date().toISOString(),
): Promise<{ id: string; duplicate: boolean }> {
  const messageId = storageMessageId(received.raw);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const inserted = await trx
      .insertInto("inbound_messages")
      .values({
        id,
        mailbox_id: received.mailboxId,
        message_id: messageId,
        source: received.source,
        envelope_from: received.envelopeFrom,
        raw: received.raw,
        size: received.tooLarge?.size ?? received.raw.length,
        status: "received",
        reason: null,
        detail: null,
        from_address: null,
        subject: null,
        ticket_id: null,
        received_at: at,
        processed_at: null,
      })
      .onConflict((oc) => oc.columns(["mailbox_id", "message_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom("inbound_messages")
        .select("id")
        .where("mailbox_id", "=", received.mailboxId)
        .where("message_id", "=", messageId)
        .executeTakeFirstOrThrow();
      return { id: existing.id, duplicate: true };
    }
    await enqueueJob(
      trx,
      "mail.inbound",
      { inboundId: id, ...(received.tooLarge ? { mode: "too_large" } : {}) },
      { at },
    );
    return { id, duplicate: false };
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
      subject: outcome.subject ? cleanText(outcome.subject).slice(0, 500) : null,
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
