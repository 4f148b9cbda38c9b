import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function resetPassword(p: { name: string; resetUrl: string }): RenderedMail {
  const subject = "Choose a new password";
  const text = [
    `Hello ${p.name},`,
    "",
    "We received a request to reset your password. Choose a new one here:",
    p.resetUrl,
    "",
    "The link works for one hour. If you did not ask for this, ignore this message: your password stays as it is.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>We received a request to reset your password.</p>
${button(p.resetUrl, "Choose a new password")}
<p>The link works for one hour. If you did not ask for this, ignore this message: your password stays as it is.</p>`,
  );
  return { subject, text, html };
}
