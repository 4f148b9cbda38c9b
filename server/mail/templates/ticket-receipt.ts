import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/**
 * The confirmation for an address that has never proven it is someone's: the
 * number and the link, nothing the submitter typed (not the subject, message
 * or name), so the public form cannot be used to mail strangers chosen words.
 */
export function ticketReceipt(
  t: Translator,
  p: { number: number; ticketUrl: string; forGuest: boolean },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.ticketReceipt.subject", { number }), [
    t.t("mail.hello"),
    t.t("mail.ticketReceipt.body", { number }),
    { button: t.t("mail.ticketReceipt.button"), href: p.ticketUrl },
    p.forGuest && t.t("mail.guestNote"),
    t.t("mail.ticketReceipt.notYou"),
  ]);
}
