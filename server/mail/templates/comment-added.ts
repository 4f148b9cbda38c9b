import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

export function commentAdded(p: {
  number: number;
  subject: string;
  author: string;
  comment: string;
  ticketUrl: string;
  forGuest: boolean;
}): RenderedMail {
  const subject = `[#${p.number}] New reply: ${p.subject}`;
  const text = [
    `${p.author} replied to your request #${p.number}:`,
    "",
    p.comment,
    "",
    `See the whole conversation and reply: ${p.ticketUrl}`,
    ...(p.forGuest ? ["This link is personal: anyone who has it can read and answer your request."] : []),
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(p.author)} replied to your request <strong>#${p.number}</strong>:</p>
<blockquote style="border-left:3px solid #ced4da;margin:0;padding-left:12px">${paragraphs(p.comment)}</blockquote>
${button(p.ticketUrl, "See the conversation")}`,
  );
  return { subject, text, html };
}
