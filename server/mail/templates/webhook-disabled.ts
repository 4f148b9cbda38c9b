import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail } from "../render.ts";

/** To every admin when a webhook endpoint failed so often in a row that it was switched off. */
export function webhookDisabled(
  t: Translator,
  p: { url: string; failures: number; lastError: string; pageUrl: string },
): RenderedMail {
  return composeMail(t, t.t("mail.webhookDisabled.subject"), [
    t.t("mail.webhookDisabled.body", { url: p.url, failures: p.failures }),
    t.t("mail.webhookDisabled.last", { lastError: p.lastError }),
    t.t("mail.webhookDisabled.advice"),
    { button: t.t("mail.webhookDisabled.button"), href: p.pageUrl },
  ]);
}
