import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** To every admin when fetching a mailbox starts failing (once per failure episode, not every poll). */
export function mailboxFailing(p: {
  name: string;
  address: string;
  reason: string;
  settingsUrl: string;
}): RenderedMail {
  const subject = `Mail for ${p.address} is not being fetched`;
  const lines = [
    `Switchboard could not fetch mail for ${p.address}. Until this is fixed, mail to that address waits in the mailbox and no requests are opened from it.`,
    `The reason: ${p.reason}`,
    "If the mailbox signs in with Microsoft 365, Google or another OAuth2 provider, reconnecting it on the mailboxes page usually fixes this. You will not be told again until it has worked once.",
  ];
  const text = [`Hello ${p.name},`, "", ...lines, "", p.settingsUrl].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
${button(p.settingsUrl, "Open the mailboxes page")}`,
  );
  return { subject, text, html };
}
