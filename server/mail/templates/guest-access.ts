import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** The access link a status check mails; without the subject (`null`) to an address that has not proven itself. */
export function guestAccess(
  t: Translator,
  p: { number: number; subject: string | null; accessUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  const { subject } = p;
  return composeMail(
    t,
    subject === null
      ? t.t("mail.guestAccess.subjectUnnamed", { number })
      : t.t("mail.guestAccess.subject", { number, subject }),
    [
      t.t("mail.hello"),
      subject === null
        ? t.t("mail.guestAccess.bodyUnnamed", { number })
        : t.t("mail.guestAccess.body", { number, subject }),
      { button: t.t("mail.guestAccess.button", { number }), href: p.accessUrl },
      t.t("mail.guestAccess.expiry"),
    ],
  );
}
