import { button, escapeHtml, layout, type RenderedMail } from "../render.ts";

/** The survey after a ticket is solved: one link per answer; each opens a page that confirms it. */
export function satisfactionSurvey(p: {
  number: number;
  subject: string;
  goodUrl: string;
  badUrl: string;
}): RenderedMail {
  const subject = `[#${p.number}] How would you rate the support you received?`;
  const text = [
    "Hello,",
    "",
    `Your request #${p.number} (${p.subject}) was marked as solved. How would you rate the support you received?`,
    "",
    `Good, I'm satisfied: ${p.goodUrl}`,
    `Bad, I'm unsatisfied: ${p.badUrl}`,
    "",
    "Each link opens a page where you confirm your answer and can add a comment. You can change your answer until the request is closed.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello,</p>
<p>Your request <strong>#${p.number}</strong> (${escapeHtml(p.subject)}) was marked as solved. How would you rate the support you received?</p>
${button(p.goodUrl, "Good, I'm satisfied")}
${button(p.badUrl, "Bad, I'm unsatisfied")}
<p>Each link opens a page where you confirm your answer and can add a comment. You can change your answer until the request is closed.</p>`,
  );
  return { subject, text, html };
}
