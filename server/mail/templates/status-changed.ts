import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

export function statusChanged(
  t: Translator,
  p: { number: number; subject: string; status: string; ticketUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.statusChanged.subject", { number, status: p.status, subject: p.subject }), [
    t.t("mail.statusChanged.body", { number, subject: p.subject, status: p.status }),
    { button: t.t("mail.statusChanged.button"), href: p.ticketUrl },
  ]);
}
