import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/**
 * To the requester of a duplicate: where their request continues. `into` is
 * the ticket that continues, given only when they may open it (mergeTicket
 * decides, with `addressMayOpen`); otherwise the mail names no other ticket
 * and links to their own request. Account holders who may open it get a link
 * to it; guests a personal link to their own request, which points there.
 */
export function ticketMerged(p: {
  number: number;
  subject: string;
  into: { number: number; subject: string; copied: boolean } | null;
  ticketUrl: string;
  forGuest: boolean;
}): RenderedMail {
  const { into } = p;
  const subject = into
    ? `[#${p.number}] Merged into #${into.number}: ${p.subject}`
    : `[#${p.number}] Merged with another request: ${p.subject}`;
  const about = into
    ? `Your request #${p.number} (${p.subject}) is about the same matter as request #${into.number} (${into.subject}), so we merged the two.`
    : `Your request #${p.number} (${p.subject}) is about the same matter as another request, so we merged the two.`;
  const closed = `Your request #${p.number} is closed; what you wrote there stays readable.`;
  const next = !into
    ? `We continue with it there. ${closed}`
    : into.copied
      ? `We continue in #${into.number} and you are copied on it: its replies come to you by email. ${closed}`
      : `We continue in #${into.number}. ${closed}`;
  const follow = into && !p.forGuest;
  const text = [
    about,
    next,
    "",
    follow ? `Follow #${into.number} here: ${p.ticketUrl}` : `See your request: ${p.ticketUrl}`,
    ...(p.forGuest ? ["This link is personal: anyone who has it can read your request."] : []),
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(about)}</p>
<p>${escapeHtml(next)}</p>
${button(p.ticketUrl, follow ? `Follow #${into.number}` : "See your request")}`,
  );
  return { subject, text, html };
}
