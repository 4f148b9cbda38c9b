import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** A trigger's notice that a requester rated the support Bad (sent to the address the rule names). */
export function satisfactionRatedBad(
  t: Translator,
  p: {
    number: number;
    subject: string;
    requester: string;
    reason: string | null;
    comment: string | null;
    ticketUrl: string;
    rule: string;
  },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.satisfactionRatedBad.subject", { number, subject: p.subject }), [
    t.t("mail.satisfactionRatedBad.body", { requester: p.requester, number, subject: p.subject }),
    p.reason && t.t("mail.satisfactionRatedBad.reason", { reason: p.reason }),
    p.comment && { quote: p.comment },
    { button: t.t("mail.openTicketNumber", { number }), href: p.ticketUrl },
    t.t("mail.sentByTrigger", { rule: p.rule }),
  ]);
}
