import type { AppContext } from "../context.ts";
import { inboundMailHandler } from "../mail/inbound/handler.ts";
import { sendMailHandler } from "../mail/send-mail.ts";
import type { MailTransport } from "../mail/transport.ts";
import type { JobKind } from "./queue.ts";
import type { JobHandler } from "./runner.ts";

/** Every kind of job and what runs it. */
export function jobHandlers({ db, config }: AppContext, transport: MailTransport): Record<JobKind, JobHandler> {
  return {
    "mail.send": sendMailHandler(db, transport, config.mailFrom),
    "mail.inbound": inboundMailHandler({ db, config }),
  };
}
