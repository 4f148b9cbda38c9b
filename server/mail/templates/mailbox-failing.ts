import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

/** To every admin when fetching a mailbox starts failing (once per failure episode, not every poll). */
export function mailboxFailing(
  t: Translator,
  p: { name: string; address: string; reason: string; settingsUrl: string },
): RenderedMail {
  return composeMail(t, t.t("mail.mailboxFailing.subject", { address: p.address }), [
    t.t("mail.helloName", { name: p.name }),
    t.t("mail.mailboxFailing.body", { address: p.address }),
    t.t("mail.mailboxFailing.reason", { reason: p.reason }),
    t.t("mail.mailboxFailing.advice"),
    { button: t.t("mail.mailboxFailing.button"), href: p.settingsUrl },
  ]);
}
