import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import type { Database } from "../../db/schema.ts";
import { mailboxForRecipient } from "./mailboxes.ts";
import { storeInbound } from "./store.ts";

export type SmtpReceiver = { listen(port: number, host: string): Promise<number>; close(): Promise<void> };

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/**
 * The built-in SMTP receiver. It accepts mail only for the addresses of
 * active mailboxes (and their signed reply addresses), refuses mail over the
 * size limit with a 552 the sending server turns into a notice for the
 * sender, and answers "250 OK" only after the message is committed: a
 * failure answers 451 so the sender tries again later, and nothing is lost.
 */
export function createSmtpReceiver(
  db: Kysely<Database>,
  options: {
    maxBytes: number;
    logger?: FastifyBaseLogger | undefined;
    /**
     * When closing, how long sessions still open may go on before they are told 421 (try later) and closed.
     * smtp-server waits 30 s by default, and a sending server often keeps its session open between messages:
     * one such session held every shutdown past its deadline, so the process was killed with jobs still running.
     */
    closeMs?: number;
  },
): SmtpReceiver {
  const megabytes = Math.round(options.maxBytes / (1024 * 1024));
  const server = new SMTPServer({
    name: "switchboard",
    banner: "Switchboard help desk",
    authOptional: true,
    // TLS and authentication belong to the MTA in front of us (see docs/mail.md); this is a delivery endpoint.
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    closeTimeout: options.closeMs ?? 10_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      mailboxForRecipient(db, address.address).then(
        (mailbox) => callback(mailbox ? null : smtpError(550, `No mailbox here for ${address.address}.`)),
        (error: unknown) => {
          options.logger?.error({ err: error }, "inbound SMTP: looking up a recipient failed");
          callback(smtpError(451, "Temporary failure; try again later."));
        },
      );
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) {
            throw smtpError(552, `Message too large: this help desk accepts mail up to ${megabytes} MB.`);
          }
          const mailboxes = new Set<string>();
          for (const rcpt of session.envelope.rcptTo) {
            const mailbox = await mailboxForRecipient(db, rcpt.address);
            if (mailbox) mailboxes.add(mailbox.id);
          }
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          for (const mailboxId of mailboxes) {
            await storeInbound(db, { mailboxId, raw, source: "smtp", envelopeFrom });
          }
        })
        .then(
          () => callback(null, "Message received"),
          (error: unknown) => {
            if (error instanceof Error && "responseCode" in error) return callback(error);
            options.logger?.error({ err: error }, "inbound SMTP: storing a message failed");
            callback(smtpError(451, "Temporary failure; try again later."));
          },
        );
    },
  });
  server.on("error", (error) => options.logger?.error({ err: error }, "inbound SMTP receiver error"));
  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
