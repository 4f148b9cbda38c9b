import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** To an account's owner when many wrong passwords were tried for it (sent at most once per window). */
export function signInAttempts(p: { name: string; failures: number; resetUrl: string }): RenderedMail {
  const subject = "Someone is trying to sign in to your account";
  const lines = [
    `There were ${p.failures} attempts to sign in to your account with a wrong password in the last hour.`,
    "If that was not you, someone may be guessing your password. Your account is not locked: you can still sign in as usual, while attempts from the addresses guessing are slowed down.",
    "If your password is short or used elsewhere too, choose a new one:",
  ];
  const text = [`Hello ${p.name},`, "", ...lines, p.resetUrl].join("\n");
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
${button(p.resetUrl, "Choose a new password")}`,
  );
  return { subject, text, html };
}
