import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** To the agent a ticket was just assigned to (never to someone who assigned it to themselves). */
export function ticketAssigned(p: {
  number: number;
  subject: string;
  assignedBy: string;
  requester: string;
  priority: string;
  ticketUrl: string;
}): RenderedMail {
  const subject = `[#${p.number}] Assigned to you: ${p.subject}`;
  const text = [
    `${p.assignedBy} assigned ticket #${p.number} to you.`,
    "",
    `Subject: ${p.subject}`,
    `Requester: ${p.requester}`,
    `Priority: ${p.priority}`,
    "",
    `Open it: ${p.ticketUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(p.assignedBy)} assigned ticket <strong>#${p.number}</strong> to you.</p>
<p>Subject: ${escapeHtml(p.subject)}<br>Requester: ${escapeHtml(p.requester)}<br>Priority: ${escapeHtml(p.priority)}</p>
${button(p.ticketUrl, "Open the ticket")}`,
  );
  return { subject, text, html };
}
