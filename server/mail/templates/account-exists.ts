import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

/** Sent instead of a confirmation when someone registers an address that already has an account. */
export function accountExists(t: Translator, p: { name: string; signInUrl: string; resetUrl: string }): RenderedMail {
  return composeMail(t, t.t("mail.accountExists.subject"), [
    t.t("mail.helloName", { name: p.name }),
    t.t("mail.accountExists.body"),
    { button: t.t("mail.accountExists.signIn"), href: p.signInUrl },
    { button: t.t("mail.accountExists.forgot"), href: p.resetUrl },
    t.t("mail.accountExists.notYou"),
  ]);
}
