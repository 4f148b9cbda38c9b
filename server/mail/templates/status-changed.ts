import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function statusChanged(p: { number: number; subject: string; status: string; ticketUrl: string }): RenderedMail {
  const subject = `[#${p.number}] ${p.status}: ${p.subject}`;
  const text = [
    `Your request #${p.number} (${p.subject}) is now: ${p.status}.`,
    "",
    `See it here: ${p.ticketUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>Your request <strong>#${p.number}</strong> (${escapeHtml(p.subject)}) is now: <strong>${escapeHtml(p.status)}</strong>.</p>
${button(p.ticketUrl, "See your request")}`,
  );
  return { subject, text, html };
}
