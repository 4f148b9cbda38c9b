import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** To the agents of a ticket's group when it is about to miss, or has missed, its target. */
export function slaAlert(p: {
  number: number;
  subject: string;
  alert: string;
  dueAt: string;
  ticketUrl: string;
}): RenderedMail {
  const subject = `[#${p.number}] ${p.alert}`;
  const text = [
    `${p.alert}: #${p.number} (${p.subject}) is due at ${p.dueAt} (UTC).`,
    "",
    `Open it: ${p.ticketUrl}`,
    "",
    "You get this because the ticket is assigned to your group.",
  ].join("\n");
  const html = layout(
    subject,
    `<p><strong>${escapeHtml(p.alert)}</strong>: #${p.number} (${escapeHtml(p.subject)}) is due at ${escapeHtml(p.dueAt)} (UTC).</p>
${button(p.ticketUrl, "Open the ticket")}
<p>You get this because the ticket is assigned to your group.</p>`,
  );
  return { subject, text, html };
}
