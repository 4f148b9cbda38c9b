import type { Translator } from "../../i18n/translator.ts";
import { composeMail, greeting, type RenderedMail } from "../render.ts";

export function resetPassword(t: Translator, p: { name: string | null; resetUrl: string }): RenderedMail {
  return composeMail(t, t.t("mail.resetPassword.subject"), [
    greeting(t, p.name),
    t.t("mail.resetPassword.body"),
    { button: t.t("mail.resetPassword.button"), href: p.resetUrl },
    t.t("mail.resetPassword.expiry"),
  ]);
}
