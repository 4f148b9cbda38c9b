import nodemailer from "nodemailer";

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

/** Real delivery through any SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). */
export function smtpTransport(url: string, timeouts: SmtpTimeouts = defaultSmtpTimeouts): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  });
  return {
    kind: "smtp",
    async send(mail) {
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
    },
    close() {
      transporter.close();
    },
  };
}

/**
 * Without SMTP the message is only kept: the dev mailbox page shows it, so
 * confirmation and access links work on a fresh machine with no mail server.
 */
export function devMailboxTransport(): MailTransport {
  return { kind: "dev", async send() {}, close() {} };
}
