import type { Translator } from "../../i18n/translator.ts";
import { composeMail, greeting, type RenderedMail } from "../render.ts";

/** To an account's owner when many wrong passwords were tried for it (sent at most once per window). */
export function signInAttempts(
  t: Translator,
  p: { name: string | null; failures: number; resetUrl: string },
): RenderedMail {
  return composeMail(t, t.t("mail.signInAttempts.subject"), [
    greeting(t, p.name),
    t.t("mail.signInAttempts.body", { failures: p.failures }),
    t.t("mail.signInAttempts.notLocked"),
    t.t("mail.signInAttempts.advice"),
    { button: t.t("mail.signInAttempts.button"), href: p.resetUrl },
  ]);
}
