import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** An automation rule's "mail this address" action: which ticket, and which rule sent it. */
export function ruleNotice(p: { number: number; subject: string; ticketUrl: string; rule: string }): RenderedMail {
  const subject = `[#${p.number}] ${p.rule}: ${p.subject}`;
  const text = [
    `The rule "${p.rule}" acted on ticket #${p.number} (${p.subject}).`,
    "",
    `Open the ticket: ${p.ticketUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>The rule "${escapeHtml(p.rule)}" acted on ticket <strong>#${p.number}</strong> (${escapeHtml(p.subject)}).</p>
${button(p.ticketUrl, `Open ticket #${p.number}`)}`,
  );
  return { subject, text, html };
}
