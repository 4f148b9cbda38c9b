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

export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#212529;line-height:1.5;max-width:600px;margin:0 auto;padding:24px">
${bodyHtml}
<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0">
<p style="color:#495057;font-size:13px">Sent by Switchboard.</p>
</body></html>`;
}
