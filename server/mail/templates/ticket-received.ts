import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

export type TicketReceivedParams = {
  number: number;
  subject: string;
  requesterName: string;
  message: string;
  /** Where the requester can follow the ticket; absent for guests until they use the status check. */
  ticketUrl: string | undefined;
  statusCheckUrl: string;
};

export function ticketReceived(p: TicketReceivedParams): RenderedMail {
  const subject = `[#${p.number}] We received your request: ${p.subject}`;
  const follow = p.ticketUrl
    ? `You can follow it here: ${p.ticketUrl}`
    : `To check its status, use your email address and ticket number #${p.number} at ${p.statusCheckUrl}`;
  const text = [
    `Hello ${p.requesterName},`,
    "",
    `Thank you for contacting us. Your request has been received and given the ticket number #${p.number}.`,
    "",
    follow,
    "",
    "Your request:",
    p.message,
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.requesterName)},</p>
<p>Thank you for contacting us. Your request has been received and given the ticket number <strong>#${p.number}</strong>.</p>
${p.ticketUrl ? button(p.ticketUrl, "View your request") : `<p>To check its status, use your email address and ticket number #${p.number} on the <a href="${escapeHtml(p.statusCheckUrl)}">status page</a>.</p>`}
<p><strong>Your request:</strong></p>
${paragraphs(p.message)}`,
  );
  return { subject, text, html };
}
