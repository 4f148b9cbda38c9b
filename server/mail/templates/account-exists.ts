import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** Sent instead of a confirmation when someone registers an address that already has an account. */
export function accountExists(p: { name: string; signInUrl: string; resetUrl: string }): RenderedMail {
  const subject = "You already have an account";
  const text = [
    `Hello ${p.name},`,
    "",
    "Someone, probably you, tried to register with this email address, but it already has an account.",
    `Sign in: ${p.signInUrl}`,
    `Forgot your password? Choose a new one: ${p.resetUrl}`,
    "",
    "If this was not you, you can ignore this message.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>Someone, probably you, tried to register with this email address, but it already has an account.</p>
${button(p.signInUrl, "Sign in")}
<p>Forgot your password? <a href="${escapeHtml(p.resetUrl)}">Choose a new one</a>.</p>
<p>If this was not you, you can ignore this message.</p>`,
  );
  return { subject, text, html };
}
