import type { Kysely } from "kysely";
import { z } from "zod";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { type JobHandler, ParkJob } from "../jobs/runner.ts";
import { type MailTransport, MaybeDelivered } from "./transport.ts";

const payloadSchema = z.object({ mailId: z.string() });

/**
 * Delivers one stored message. Marked sent only after the transport accepted
 * it; a crash in between sends it again with the same Message-ID (at least
 * once), never zero times. A send the server may have accepted without
 * answering (see `MaybeDelivered`) is not tried again: the job is parked
 * with the reason, for an admin to run again or leave.
 */
export function sendMailHandler(db: Kysely<Database>, transport: MailTransport, from: string): JobHandler {
  return async (payload) => {
    const { mailId } = payloadSchema.parse(payload);
    const mail = await db.selectFrom("mail_messages").selectAll().where("id", "=", mailId).executeTakeFirst();
    if (!mail || mail.sent_at) return;
    try {
      await transport.send({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        messageId: mail.message_id,
        headers: z.record(z.string(), z.string()).parse(decodeJson(mail.headers)),
      });
    } catch (error) {
      if (error instanceof MaybeDelivered) throw new ParkJob(error.message, { cause: error });
      throw error;
    }
    await db
      .updateTable("mail_messages")
      .set({ sent_at: new Date().toISOString(), transport: transport.kind })
      .where("id", "=", mailId)
      .execute();
  };
}
