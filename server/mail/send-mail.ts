import type { Kysely } from "kysely";
import { z } from "zod";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { parseJobPayload } from "../jobs/payload.ts";
import { type JobHandler, ParkJob } from "../jobs/runner.ts";
import { type MailTransport, MaybeDelivered, smtpReplyCode } from "./transport.ts";

const payloadSchema = z.object({ mailId: z.string() });

/**
 * Delivers one stored message. Marked sent only after the transport accepted
 * it; a crash in between sends it again with the same Message-ID (at least
 * once), never zero times. A send the server may have accepted without
 * answering (see `MaybeDelivered`), or one it refused for good (5xx), is not
 * tried again: the job is parked with the reason, for an admin to run again
 * or leave. Temporary refusals (4xx) and failed connections are retried.
 */
export function sendMailHandler(db: Kysely<Database>, transport: MailTransport, from: string): JobHandler {
  return async (payload, signal) => {
    const { mailId } = parseJobPayload(payloadSchema, payload);
    const mail = await db.selectFrom("mail_messages").selectAll().where("id", "=", mailId).executeTakeFirst();
    if (!mail || mail.sent_at) return;
    try {
      await transport.send(
        {
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body,
          messageId: mail.message_id,
          headers: z.record(z.string(), z.string()).parse(decodeJson(mail.headers)),
        },
        signal,
      );
    } catch (error) {
      if (error instanceof MaybeDelivered) throw new ParkJob(error.message, { cause: error });
      const code = smtpReplyCode(error);
      // 5xx is the server's "never" (RFC 5321 §4.2.1): an unknown mailbox, mail refused as spam, a sender it will
      // not relay for. Asking again for ten hours changes nothing and tells nobody; parked at once, the job shows
      // the server's answer to an admin, who can run it (or, after fixing the settings, every failed one) again.
      // A refused sign-in is the exception: an OAuth2 token revoked early is renewed by the mailbox's next poll,
      // after which a retry goes through.
      if (code !== undefined && code >= 500 && code < 600 && !signInRefused(error)) {
        const answer = error instanceof Error ? error.message : String(error);
        throw new ParkJob(
          `The SMTP server refused the message to ${mail.to_address} for good (${answer}), so it is not tried again. Run the job again once the cause is fixed.`,
          { cause: error },
        );
      }
      throw error;
    }
    await db
      .updateTable("mail_messages")
      .set({ sent_at: new Date().toISOString(), transport: transport.kind })
      .where("id", "=", mailId)
      .execute();
  };
}

/** Nodemailer's code for a refused sign-in (AUTH answered 5xx): the credentials, not the message. */
function signInRefused(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "EAUTH";
}
