import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/**
 * What an address that has never proven it is someone's gets when a customer's words or actions are behind the
 * mail (a reply, marking solved, withdrawing): the number, what happened and the link, nothing the customer
 * typed (not the subject, the reply or their name). Anyone may copy any address on a request, so without this
 * a request would be a way to mail strangers chosen words (docs/security.md, *Mail identity*).
 */
export function replyNotice(t: Translator, p: { number: number; ticketUrl: string; forGuest: boolean }): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.replyNotice.subject", { number }), [
    t.t("mail.hello"),
    t.t("mail.replyNotice.body", { number }),
    { button: t.t("mail.commentAdded.button"), href: p.ticketUrl },
    p.forGuest && t.t("mail.guestNote"),
    t.t("mail.notice.notYou"),
  ]);
}

/** The status change, as replyNotice: the number, the status as the help desk names it, and the link. */
export function statusNotice(
  t: Translator,
  p: { number: number; status: string; ticketUrl: string; forGuest: boolean },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.statusNotice.subject", { number, status: p.status }), [
    t.t("mail.hello"),
    t.t("mail.statusNotice.body", { number, status: p.status }),
    { button: t.t("mail.statusChanged.button"), href: p.ticketUrl },
    p.forGuest && t.t("mail.guestNote"),
    t.t("mail.notice.notYou"),
  ]);
}
