import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** Sent by a time rule: we asked the customer something and are still waiting. */
export function waitingReminder(p: { number: number; subject: string; ticketUrl: string }): RenderedMail {
  const subject = `[#${p.number}] We are waiting for your reply: ${p.subject}`;
  const text = [
    `We are still waiting for your reply on #${p.number} (${p.subject}).`,
    "",
    `Answer here: ${p.ticketUrl}`,
    "",
    "If you no longer need help, you can mark the request as solved there.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>We are still waiting for your reply on <strong>#${p.number}</strong> (${escapeHtml(p.subject)}).</p>
${button(p.ticketUrl, "Answer")}
<p>If you no longer need help, you can mark the request as solved there.</p>`,
  );
  return { subject, text, html };
}
