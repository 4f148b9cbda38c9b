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
  send(mail: MailEnvelope): Promise<void>;
  close(): void;
};

export type SmtpTimeouts = { connectionMs: number; greetingMs: number; socketMs: number };

/**
 * Nodemailer waits minutes by default. A server that accepts and never answers must fail the send well
 * within the job's lease (30 s, see jobs/runner.ts), so the job retries later instead of holding its lane.
 */
export const defaultSmtpTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000 };

/** Who outgoing mail signs in as with OAuth2 (XOAUTH2), and a current token; undefined: the URL's own credentials. */
export type SmtpOAuth = () => Promise<{ user: string; accessToken: string } | undefined>;

/**
 * Real delivery through any SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). With
 * `oauth`, each message signs in with the token it hands out (a mailbox connected with OAuth2 that sends mail).
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
  const transporter = nodemailer.createTransport(connection);
  return {
    kind: "smtp",
    async send(mail) {
      const credentials = await oauth?.();
      // A token lives an hour at most: a transport of its own per message, closed after it.
      const sender = credentials
        ? nodemailer.createTransport({
            ...connection,
            auth: { type: "OAuth2", user: credentials.user, accessToken: credentials.accessToken },
          })
        : transporter;
      try {
        await sendWith(sender, mail);
      } finally {
        if (sender !== transporter) sender.close();
      }
    },
    close() {
      transporter.close();
    },
  };
}

async function sendWith(transporter: Transporter, mail: MailEnvelope): Promise<void> {
  await transporter.sendMail({
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
