import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function guestAccess(p: { number: number; subject: string; accessUrl: string }): RenderedMail {
  const subject = `[#${p.number}] Your link to ${p.subject}`;
  const text = [
    "Hello,",
    "",
    `Here is your link to ticket #${p.number} (${p.subject}). It shows the ticket's status and conversation:`,
    p.accessUrl,
    "",
    "The link works once and for seven days; a newer link replaces it. Do not forward it: anyone with it can read and answer the ticket.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello,</p>
<p>Here is your link to ticket <strong>#${p.number}</strong> (${escapeHtml(p.subject)}). It shows the ticket's status and conversation.</p>
${button(p.accessUrl, `Open ticket #${p.number}`)}
<p>The link works once and for seven days; a newer link replaces it. Do not forward it: anyone with it can read and answer the ticket.</p>`,
  );
  return { subject, text, html };
}
