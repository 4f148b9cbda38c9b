import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

/**
 * To an address nobody has proven yet: anyone may register any address, so the mail greets nobody by the name
 * the registration typed (it would mail strangers chosen words).
 */
export function confirmEmail(t: Translator, p: { confirmUrl: string }): RenderedMail {
  return composeMail(t, t.t("mail.confirmEmail.subject"), [
    t.t("mail.hello"),
    t.t("mail.confirmEmail.body"),
    { button: t.t("mail.confirmEmail.button"), href: p.confirmUrl },
    t.t("mail.confirmEmail.expiry"),
  ]);
}
