import nodemailer, { type Transporter } from "nodemailer";

export type MailEnvelope = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

export type MailTransport = {
  kind: "smtp" | "dev";
  /** `signal` stops a send the job runner gave up on: the connection is closed, so the job is not run twice. */
  send(mail: MailEnvelope, signal?: AbortSignal): Promise<void>;
  close(): void;
};

export type SmtpTimeouts = { connectionMs: number; greetingMs: number; socketMs: number };

/**
 * Nodemailer waits minutes for a connection by default: a relay that is down or hung must fail the send in
 * seconds (connection, greeting), so the job retries later instead of holding its lane.
 *
 * The socket timeout (silence on an open session) is longer on purpose. A server may take its time to answer
 * the end of DATA (it scans the message, writes it to disk; RFC 5321 §4.5.3.2 gives it 10 minutes), and a
 * send given up while it does so is one it may have accepted: counted as failed, the job sent it again, up to
 * 20 copies. 5 minutes covers any server that is merely slow, and stays under the job's own timeout
 * (10 minutes, jobs/runner.ts; the lease is renewed by the heartbeat meanwhile, whatever the send's length).
 * The price: a server that goes silent mid-session holds one of the mail lane's slots that long; mail has a
 * lane of its own, and all of it goes to the same relay anyway. Past that, see `MaybeDelivered`.
 */
export const defaultSmtpTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 5 * 60_000 };

/**
 * The whole message went to the server and the session then failed without an answer (a timeout, a dropped
 * connection): the server may have delivered it. Sending it again could deliver it twice, so the caller does
 * not retry; an admin decides.
 */
export class MaybeDelivered extends Error {}

/** The SMTP reply code nodemailer gives a refusal (`responseCode`); undefined when the server never answered. */
export function smtpReplyCode(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return undefined;
  return typeof error.responseCode === "number" ? error.responseCode : undefined;
}

/** Who outgoing mail signs in as with OAuth2 (XOAUTH2), and a current token; undefined: the URL's own credentials. */
export type SmtpOAuth = () => Promise<{ user: string; accessToken: string } | undefined>;

/**
 * Real delivery through any SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). With
 * `oauth`, each message signs in with the token it hands out (a mailbox connected with OAuth2 that sends mail).
 * Each message gets a transport of its own (nodemailer opens a connection per message anyway): its log tells
 * when that message's data was handed over in full, which a transport shared by parallel sends could not.
 */
export function smtpTransport(
  url: string,
  timeouts: SmtpTimeouts = defaultSmtpTimeouts,
  oauth?: SmtpOAuth,
): MailTransport {
  const connection = {
    url,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  };
  return {
    kind: "smtp",
    async send(mail, signal) {
      const credentials = await oauth?.();
      let dataSent = false;
      // Nodemailer logs "<n bytes encoded mime message>" (tnx "message") once the message, up to the final dot
      // of DATA, has been written to the connection: from then on, only the server's answer is missing.
      const noop = () => {};
      const logger = {
        level: noop,
        trace: noop,
        debug: noop,
        info: (entry: unknown) => {
          if (typeof entry === "object" && entry !== null && "tnx" in entry && entry.tnx === "message") dataSent = true;
        },
        warn: noop,
        error: noop,
        fatal: noop,
      };
      const sender = nodemailer.createTransport({
        ...connection,
        logger,
        ...(credentials
          ? { auth: { type: "OAuth2" as const, user: credentials.user, accessToken: credentials.accessToken } }
          : {}),
      });
      try {
        await sendWith(sender, mail, signal);
      } catch (error) {
        // An answer (a 4xx or 5xx to the end of DATA) is definite: refused, so it may be retried.
        if (dataSent && smtpReplyCode(error) === undefined) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new MaybeDelivered(
            `The SMTP server received the whole message to ${mail.to} ("${mail.subject}") but did not answer (${reason}); it may have delivered it, so it is not sent again. Run the job again to send it anyway (the recipient may get it twice).`,
            { cause: error },
          );
        }
        throw error;
      } finally {
        sender.close();
      }
    },
    close() {},
  };
}

async function sendWith(transporter: Transporter, mail: MailEnvelope, signal: AbortSignal | undefined): Promise<void> {
  await transporter.sendMail({
    // Aborted, nodemailer closes the connection: after the whole message went out that is `MaybeDelivered`.
    ...(signal ? { signal } : {}),
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    // Everything we send is machine-generated; this keeps auto-responders from answering it.
    headers: { "Auto-Submitted": "auto-generated", ...mail.headers },
  });
}

/**
 * Without SMTP the message is only kept: the dev mailbox page shows it, so
 * confirmation and access links work on a fresh machine with no mail server.
 */
export function devMailboxTransport(): MailTransport {
  return { kind: "dev", async send() {}, close() {} };
}
