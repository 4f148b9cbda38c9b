import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

export function alertFired(
  t: Translator,
  p: { number: number; subject: string; alert: string; status: string; ticketUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.alertFired.subject", { number, alert: p.alert }), [
    t.t("mail.alertFired.body", { number, alert: p.alert, subject: p.subject, status: p.status }),
    { button: t.t("mail.alertFired.button"), href: p.ticketUrl },
    t.t("mail.alertFired.why"),
  ]);
}
