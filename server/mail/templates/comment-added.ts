import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

export function commentAdded(p: {
  number: number;
  subject: string;
  author: string;
  comment: string;
  /** File names only: the files stay behind the ticket's access rules, so mail links to the page. */
  attachments?: string[];
  ticketUrl: string;
  forGuest: boolean;
}): RenderedMail {
  const subject = `[#${p.number}] New reply: ${p.subject}`;
  const files = p.attachments?.length ? `Attached: ${p.attachments.join(", ")} (open the request to download)` : null;
  const text = [
    `${p.author} replied to your request #${p.number}:`,
    "",
    p.comment,
    "",
    ...(files ? [files, ""] : []),
    `See the whole conversation and reply: ${p.ticketUrl}`,
    ...(p.forGuest ? ["This link is personal: anyone who has it can read and answer your request."] : []),
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(p.author)} replied to your request <strong>#${p.number}</strong>:</p>
<blockquote style="border-left:3px solid #ced4da;margin:0;padding-left:12px">${paragraphs(p.comment)}</blockquote>
${files ? `<p>${escapeHtml(files)}</p>` : ""}
${button(p.ticketUrl, "See the conversation")}`,
  );
  return { subject, text, html };
}
