import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function alertFired(p: {
  number: number;
  subject: string;
  alert: string;
  status: string;
  ticketUrl: string;
}): RenderedMail {
  const subject = `[#${p.number}] Alert: ${p.alert}`;
  const text = [
    `Your alert "${p.alert}" fired for #${p.number} (${p.subject}). Its status is now ${p.status}.`,
    "",
    `See it here: ${p.ticketUrl}`,
    "",
    "You get this because you added the alert on the ticket; remove it there under My active alerts.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Your alert <strong>${escapeHtml(p.alert)}</strong> fired for <strong>#${p.number}</strong> (${escapeHtml(p.subject)}). Its status is now ${escapeHtml(p.status)}.</p>
${button(p.ticketUrl, "See the ticket")}
<p>You get this because you added the alert on the ticket; remove it there under My active alerts.</p>`,
  );
  return { subject, text, html };
}
