import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

export type TicketReceivedParams = {
  number: number;
  subject: string;
  requesterName: string;
  message: string;
  /** The portal page for account holders; a personal access link for guests. */
  ticketUrl: string;
  forGuest: boolean;
};

export function ticketReceived(p: TicketReceivedParams): RenderedMail {
  const subject = `[#${p.number}] We received your request: ${p.subject}`;
  const guestNote = "This link is personal: anyone who has it can read and answer your request.";
  const text = [
    `Hello ${p.requesterName},`,
    "",
    `Thank you for contacting us. Your request has been received and given the ticket number #${p.number}.`,
    "",
    `Follow it and reply here: ${p.ticketUrl}`,
    ...(p.forGuest ? [guestNote] : []),
    "",
    "Your request:",
    p.message,
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.requesterName)},</p>
<p>Thank you for contacting us. Your request has been received and given the ticket number <strong>#${p.number}</strong>.</p>
${button(p.ticketUrl, "View your request")}
${p.forGuest ? `<p>${guestNote}</p>` : ""}
<p><strong>Your request:</strong></p>
${paragraphs(p.message)}`,
  );
  return { subject, text, html };
}
