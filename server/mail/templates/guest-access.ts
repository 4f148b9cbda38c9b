import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

export function guestAccess(t: Translator, p: { number: number; subject: string; accessUrl: string }): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.guestAccess.subject", { number, subject: p.subject }), [
    t.t("mail.hello"),
    t.t("mail.guestAccess.body", { number, subject: p.subject }),
    { button: t.t("mail.guestAccess.button", { number }), href: p.accessUrl },
    t.t("mail.guestAccess.expiry"),
  ]);
}
