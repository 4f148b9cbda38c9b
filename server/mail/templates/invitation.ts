import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function invitation(p: { name: string; invitedBy: string; setPasswordUrl: string }): RenderedMail {
  const subject = "You have been invited to the help desk";
  const text = [
    `Hello ${p.name},`,
    "",
    `${p.invitedBy} created an account for you. Choose a password to start:`,
    p.setPasswordUrl,
    "",
    "The link works for one hour; after that, use “Forgot your password?” on the sign-in page.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>${escapeHtml(p.invitedBy)} created an account for you. Choose a password to start.</p>
${button(p.setPasswordUrl, "Choose a password")}
<p>The link works for one hour; after that, use “Forgot your password?” on the sign-in page.</p>`,
  );
  return { subject, text, html };
}
