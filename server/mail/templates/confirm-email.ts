import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

export function confirmEmail(p: { name: string; confirmUrl: string }): RenderedMail {
  const subject = "Confirm your email address";
  const text = [
    `Hello ${p.name},`,
    "",
    "Thank you for registering. Confirm your email address to start using your account:",
    p.confirmUrl,
    "",
    "The link works for 48 hours. If you did not register, ignore this message and nothing happens.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>Thank you for registering. Confirm your email address to start using your account.</p>
${button(p.confirmUrl, "Confirm my email address")}
<p>The link works for 48 hours. If you did not register, ignore this message and nothing happens.</p>`,
  );
  return { subject, text, html };
}
