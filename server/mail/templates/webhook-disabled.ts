import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** To every admin when a webhook endpoint failed so often in a row that it was switched off. */
export function webhookDisabled(p: {
  url: string;
  failures: number;
  lastError: string;
  pageUrl: string;
}): RenderedMail {
  const subject = "A webhook endpoint was switched off";
  const text = [
    `Switchboard stopped sending events to ${p.url}: ${p.failures} deliveries in a row failed.`,
    `The last one: ${p.lastError}`,
    "",
    "Events that happen while it is off are not sent later. Once the receiver works again, switch the endpoint",
    `back on, and redeliver what it missed from its delivery log: ${p.pageUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>Switchboard stopped sending events to <strong>${escapeHtml(p.url)}</strong>: ${p.failures} deliveries in a row failed.</p>
<p>The last one: ${escapeHtml(p.lastError)}</p>
<p>Events that happen while it is off are not sent later. Once the receiver works again, switch the endpoint back on, and redeliver what it missed from its delivery log.</p>
${button(p.pageUrl, "Open the webhook")}`,
  );
  return { subject, text, html };
}
