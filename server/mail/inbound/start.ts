import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../../core/context.ts";
import { createImapPoller } from "./imap-poller.ts";
import { secretBox } from "./oauth/secret-box.ts";
import { createSmtpReceiver } from "./smtp-receiver.ts";

/** Starts what receives mail: the SMTP receiver when INBOUND_SMTP_PORT is set, and the IMAP poller. */
export async function startInboundMail(
  { db, config }: AppContext,
  logger: FastifyBaseLogger,
): Promise<{ stop(): Promise<void> }> {
  const smtp = config.inboundSmtp
    ? createSmtpReceiver(db, { maxBytes: config.inboundMaxBytes, logger, closeMs: config.shutdownMs })
    : undefined;
  if (smtp && config.inboundSmtp) {
    const port = await smtp.listen(config.inboundSmtp.port, config.inboundSmtp.host);
    logger.info({ port, host: config.inboundSmtp.host }, "inbound SMTP receiver listening");
  }
  // Always running: it only has work once an admin adds a mailbox with an IMAP account.
  const imap = createImapPoller(db, {
    intervalMs: config.imapPollMs,
    maxBytes: config.inboundMaxBytes,
    box: secretBox(config),
    baseUrl: config.baseUrl,
    logger,
  });
  imap.start();
  return {
    async stop() {
      await Promise.all([smtp?.close(), imap.stop()]);
    },
  };
}
