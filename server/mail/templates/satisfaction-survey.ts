import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** The survey after a ticket is solved: one link per answer; each opens a page that confirms it. */
export function satisfactionSurvey(
  t: Translator,
  p: { number: number; subject: string; goodUrl: string; badUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.satisfactionSurvey.subject", { number }), [
    t.t("mail.hello"),
    t.t("mail.satisfactionSurvey.body", { number, subject: p.subject }),
    { button: t.t("mail.satisfactionSurvey.good"), href: p.goodUrl },
    { button: t.t("mail.satisfactionSurvey.bad"), href: p.badUrl },
    t.t("mail.satisfactionSurvey.howItWorks"),
  ]);
}
