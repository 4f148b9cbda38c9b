import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

/** To the assignee (or, while nobody is, the agents of the ticket's group): the customer wrote on the ticket. */
export function customerReplied(p: {
  number: number;
  subject: string;
  author: string;
  comment: string;
  /** "Reopened" or "Open" when the reply moved the ticket; null when its status stayed. */
  status: string | null;
  ticketUrl: string;
}): RenderedMail {
  const subject = `[#${p.number}] Customer reply: ${p.subject}`;
  const moved = p.status ? `The ticket is now ${p.status}.` : null;
  const text = [
    `${p.author} wrote on ticket #${p.number}:`,
    "",
    p.comment,
    "",
    ...(moved ? [moved, ""] : []),
    `Open it in the workspace: ${p.ticketUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(p.author)} wrote on ticket <strong>#${p.number}</strong>:</p>
<blockquote style="border-left:3px solid #ced4da;margin:0;padding-left:12px">${paragraphs(p.comment)}</blockquote>
${moved ? `<p>${escapeHtml(moved)}</p>` : ""}
${button(p.ticketUrl, "Open the ticket")}`,
  );
  return { subject, text, html };
}
