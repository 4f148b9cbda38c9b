import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

/** Told to the sender of an inbound message over the size limit, which we did not take in. */
export function mailTooLarge(
  t: Translator,
  p: { subject: string; address: string; maxMegabytes: number },
): RenderedMail {
  const subject = p.subject || t.t("mail.mailTooLarge.noSubject");
  return composeMail(t, t.t("mail.mailTooLarge.subject", { subject }), [
    t.t("mail.mailTooLarge.body", { subject, address: p.address, maxMegabytes: p.maxMegabytes }),
    t.t("mail.mailTooLarge.advice"),
  ]);
}
