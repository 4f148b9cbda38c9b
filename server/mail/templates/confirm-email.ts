import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

export function confirmEmail(t: Translator, p: { name: string; confirmUrl: string }): RenderedMail {
  return composeMail(t, t.t("mail.confirmEmail.subject"), [
    t.t("mail.helloName", { name: p.name }),
    t.t("mail.confirmEmail.body"),
    { button: t.t("mail.confirmEmail.button"), href: p.confirmUrl },
    t.t("mail.confirmEmail.expiry"),
  ]);
}
