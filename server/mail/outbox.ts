import type { Transaction } from "kysely";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { enqueueJob } from "../jobs/queue.ts";
import type { RenderedMail } from "./render.ts";

export type OutgoingMail = {
  template: string;
  to: string;
  content: RenderedMail;
  /** Extra headers, e.g. threading (In-Reply-To, References) for ticket mail. */
  headers?: Record<string, string>;
};

/** The domain our Message-IDs end in: the host people reach us at. */
export function messageIdDomain(baseUrl: string): string {
  return new URL(baseUrl).hostname || "switchboard.local";
}

/**
 * Stores the rendered message and enqueues its delivery in the caller's
 * transaction, so a message exists exactly when the change that caused it did.
 */
export async function queueMail(
  trx: Transaction<Database>,
  mail: OutgoingMail,
  context: { baseUrl: string; at: string },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("mail_messages")
    .values({
      id,
      message_id: `<${mail.template}.${id}@${messageIdDomain(context.baseUrl)}>`,
      template: mail.template,
      to_address: mail.to,
      subject: mail.content.subject,
      text_body: mail.content.text,
      html_body: mail.content.html,
      headers: encodeJson(mail.headers ?? {}),
      created_at: context.at,
      sent_at: null,
      transport: null,
    })
    .execute();
  await enqueueJob(trx, "mail.send", { mailId: id }, { at: context.at });
  return id;
}
