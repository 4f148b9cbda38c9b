import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

export function invitation(
  t: Translator,
  p: { name: string; invitedBy: string; setPasswordUrl: string },
): RenderedMail {
  return composeMail(t, t.t("mail.invitation.subject"), [
    t.t("mail.helloName", { name: p.name }),
    t.t("mail.invitation.body", { invitedBy: p.invitedBy }),
    { button: t.t("mail.invitation.button"), href: p.setPasswordUrl },
    t.t("mail.invitation.expiry"),
  ]);
}
