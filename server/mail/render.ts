import { directionOf } from "../../common/locales.ts";
import type { Translator } from "../i18n/translator.ts";

/** What a template produces: the same message as plain text and as HTML. */
export type RenderedMail = { subject: string; text: string; html: string };

import { escapeHtml } from "../html/escape.ts";

export { escapeHtml };

/** Plain text becomes paragraphs; nothing a customer typed is ever interpreted as HTML. */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
}

export function button(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`;
}

/** The page around a message, in the reader's language (its lang, direction and footer) when a translator is given. */
export function layout(title: string, bodyHtml: string, t?: Translator): string {
  const lang = t?.locale ?? "en";
  const footer = t ? t.t("mail.footer") : "Sent by Switchboard.";
  return `<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#212529;line-height:1.5;max-width:600px;margin:0 auto;padding:24px">
${bodyHtml}
<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0">
<p style="color:#495057;font-size:13px">${escapeHtml(footer)}</p>
</body></html>`;
}

/** One part of a message: a paragraph, a button (its link spelt out in the text version), or quoted words. */
export type MailBlock = string | { button: string; href: string } | { quote: string } | null | false;

/**
 * A message from catalog sentences: the text and HTML versions say the same
 * thing, in the reader's language, and every value is escaped in the HTML.
 */
export function composeMail(t: Translator, subject: string, blocks: MailBlock[]): RenderedMail {
  const parts = blocks.filter((b): b is Exclude<MailBlock, null | false> => Boolean(b));
  const text = parts
    .map((b) => (typeof b === "string" ? b : "button" in b ? `${b.button}: ${b.href}` : b.quote))
    .join("\n\n");
  const html = parts
    .map((b) =>
      typeof b === "string"
        ? `<p>${escapeHtml(b)}</p>`
        : "button" in b
          ? button(b.href, b.button)
          : `<blockquote style="border-left:3px solid #ced4da;margin:0;padding-left:12px">${paragraphs(b.quote)}</blockquote>`,
    )
    .join("\n");
  return { subject, text, html: layout(subject, html, t) };
}

/**
 * "Hello {name}," only when the name is one the reader chose: a name typed by whoever registered or asked for an
 * address that never proved it is theirs would put a stranger's words in our mail, so those get "Hello,".
 */
export const greeting = (t: Translator, name: string | null): string =>
  name === null ? t.t("mail.hello") : t.t("mail.helloName", { name });

/** Ticket numbers are names, not quantities: no grouping, no locale digits. */
export const ticketNo = (n: number): string => String(n);
