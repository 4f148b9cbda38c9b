import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** Sent by a time rule: we asked the customer something and are still waiting. */
export function waitingReminder(
  t: Translator,
  p: { number: number; subject: string; ticketUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.waitingReminder.subject", { number, subject: p.subject }), [
    t.t("mail.waitingReminder.body", { number, subject: p.subject }),
    { button: t.t("mail.waitingReminder.button"), href: p.ticketUrl },
    t.t("mail.waitingReminder.solved"),
  ]);
}
