import { button, escapeHtml, layout, paragraphs, type RenderedMail } from "../render.ts";

/** A trigger's notice that a requester rated the support Bad (sent to the address the rule names). */
export function satisfactionRatedBad(p: {
  number: number;
  subject: string;
  requester: string;
  reason: string | null;
  comment: string | null;
  ticketUrl: string;
  rule: string;
}): RenderedMail {
  const subject = `[#${p.number}] Rated Bad: ${p.subject}`;
  const text = [
    `${p.requester} rated the support on ticket #${p.number} (${p.subject}) Bad.`,
    ...(p.reason ? [`Reason: ${p.reason}`] : []),
    ...(p.comment ? ["Comment:", p.comment] : []),
    "",
    `Open the ticket: ${p.ticketUrl}`,
    "",
    `Sent by the trigger "${p.rule}".`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(p.requester)} rated the support on ticket <strong>#${p.number}</strong> (${escapeHtml(p.subject)}) <strong>Bad</strong>.</p>
${p.reason ? `<p>Reason: ${escapeHtml(p.reason)}</p>` : ""}
${p.comment ? `<p>Comment:</p>${paragraphs(p.comment)}` : ""}
${button(p.ticketUrl, `Open ticket #${p.number}`)}
<p>Sent by the trigger "${escapeHtml(p.rule)}".</p>`,
  );
  return { subject, text, html };
}
