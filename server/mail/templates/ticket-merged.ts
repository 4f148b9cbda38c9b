import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/**
 * To the requester of a duplicate: where their request continues. Account
 * holders get a link to the ticket that continues (they are copied on it);
 * guests a personal link to their own request, which points there.
 */
export function ticketMerged(p: {
  number: number;
  subject: string;
  intoNumber: number;
  intoSubject: string;
  ticketUrl: string;
  forGuest: boolean;
}): RenderedMail {
  const subject = `[#${p.number}] Merged into #${p.intoNumber}: ${p.subject}`;
  const about = `Your request #${p.number} (${p.subject}) is about the same matter as request #${p.intoNumber} (${p.intoSubject}), so we merged the two.`;
  const next = `We continue in #${p.intoNumber} and you are copied on it: its replies come to you by email. Your request #${p.number} is closed; what you wrote there stays readable.`;
  const text = [
    about,
    next,
    "",
    p.forGuest ? `See your request: ${p.ticketUrl}` : `Follow #${p.intoNumber} here: ${p.ticketUrl}`,
    ...(p.forGuest ? ["This link is personal: anyone who has it can read your request."] : []),
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(about)}</p>
<p>${escapeHtml(next)}</p>
${button(p.ticketUrl, p.forGuest ? "See your request" : `Follow #${p.intoNumber}`)}`,
  );
  return { subject, text, html };
}
