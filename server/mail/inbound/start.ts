import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../../core/context.ts";
import { listenOrExplain } from "../../listen-errors.ts";
import { createImapPoller } from "./imap-poller.ts";
import { secretBox } from "./oauth/secret-box.ts";
import { createSmtpReceiver } from "./smtp-receiver.ts";

/**
 * Opens what receives mail: the SMTP receiver's port when INBOUND_SMTP_PORT is set (a port that cannot be opened
 * fails here with a sentence naming the setting), and the IMAP poller, which runs from `start()`. Said to be
 * listening only at `start()`, once every listener of the process is open.
 */
export async function openInboundMail(
  { db, config }: AppContext,
  logger: FastifyBaseLogger,
): Promise<{ start(): void; stop(): Promise<void> }> {
  const settings = config.inboundSmtp;
  const smtp = settings
    ? createSmtpReceiver(db, { maxBytes: config.inboundMaxBytes, logger, closeMs: config.shutdownMs })
    : undefined;
  const port =
    smtp && settings
      ? await listenOrExplain(
          {
            what: "the inbound SMTP receiver",
            port: settings.port,
            portVariable: "INBOUND_SMTP_PORT",
            host: settings.host,
            hostVariable: settings.hostVariable,
          },
          () => smtp.listen(settings.port, settings.host),
        )
      : undefined;
  // Always running: it only has work once an admin adds a mailbox with an IMAP account.
  const imap = createImapPoller(db, {
    intervalMs: config.imapPollMs,
    maxBytes: config.inboundMaxBytes,
    box: secretBox(config),
    baseUrl: config.baseUrl,
    logger,
  });
  return {
    start() {
      if (port !== undefined) logger.info({ port, host: settings?.host }, "inbound SMTP receiver listening");
      imap.start();
    },
    async stop() {
      await Promise.all([smtp?.close(), imap.stop()]);
    },
  };
}
