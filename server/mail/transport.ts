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

/** Real delivery through any SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
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
