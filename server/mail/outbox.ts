import type { Transaction } from "kysely";
import { isErasedAddress } from "../../common/accounts.ts";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { enqueueJob } from "../jobs/queue.ts";
import type { RenderedMail } from "./render.ts";
import { ticketMailHeaders, ticketMessageId } from "./threading.ts";

export type OutgoingMail = {
  template: string;
  to: string;
  content: RenderedMail;
  /** Extra headers, e.g. threading (In-Reply-To, References) for ticket mail. */
  headers?: Record<string, string>;
  /** Mail about a ticket threads: a per-ticket Message-ID, References, and the signed reply address. */
  ticketId?: string;
};

/** The domain our Message-IDs end in: the host people reach us at. */
export function messageIdDomain(baseUrl: string): string {
  return new URL(baseUrl).hostname || "switchboard.local";
}

/**
 * Stores the rendered message and enqueues its delivery in the caller's
 * transaction, so a message exists exactly when the change that caused it did.
 * An erased person's placeholder address gets nothing: null instead of an id.
 */
export async function queueMail(
  trx: Transaction<Database>,
  mail: OutgoingMail,
  context: { baseUrl: string; at: string },
): Promise<string | null> {
  if (isErasedAddress(mail.to)) return null;
  const id = newId();
  const domain = messageIdDomain(context.baseUrl);
  const threading = mail.ticketId ? await ticketMailHeaders(trx, mail.ticketId, domain, mail.to) : {};
  await trx
    .insertInto("mail_messages")
    .values({
      id,
      message_id: mail.ticketId ? ticketMessageId(mail.ticketId, id, domain) : `<${mail.template}.${id}@${domain}>`,
      template: mail.template,
      to_address: mail.to,
      subject: mail.content.subject,
      text_body: mail.content.text,
      html_body: mail.content.html,
      headers: encodeJson({ ...threading, ...mail.headers }),
      created_at: context.at,
      sent_at: null,
      transport: null,
      ticket_id: mail.ticketId ?? null,
    })
    .execute();
  await enqueueJob(trx, "mail.send", { mailId: id }, { at: context.at });
  return id;
}
