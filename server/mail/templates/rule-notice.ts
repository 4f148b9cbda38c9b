import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** An automation rule's "mail this address" action: which ticket, and which rule sent it. */
export function ruleNotice(
  t: Translator,
  p: { number: number; subject: string; ticketUrl: string; rule: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.ruleNotice.subject", { number, rule: p.rule, subject: p.subject }), [
    t.t("mail.ruleNotice.body", { rule: p.rule, number, subject: p.subject }),
    { button: t.t("mail.openTicketNumber", { number }), href: p.ticketUrl },
  ]);
}
