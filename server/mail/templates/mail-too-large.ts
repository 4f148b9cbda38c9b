import { escapeHtml, layout, type RenderedMail } from "../render.ts";

/** Told to the sender of an inbound message over the size limit, which we did not take in. */
export function mailTooLarge(p: { subject: string; address: string; maxMegabytes: number }): RenderedMail {
  const subject = `Your message was too large: ${p.subject || "(no subject)"}`;
  const text = [
    `Your message "${p.subject || "(no subject)"}" to ${p.address} was not received: it is larger than the ${p.maxMegabytes} MB we accept.`,
    "",
    "Please send it again with smaller attachments, or share large files through a link.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Your message “${escapeHtml(p.subject || "(no subject)")}” to ${escapeHtml(p.address)} was not received: it is larger than the ${p.maxMegabytes} MB we accept.</p>
<p>Please send it again with smaller attachments, or share large files through a link.</p>`,
  );
  return { subject, text, html };
}
