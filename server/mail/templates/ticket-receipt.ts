import { button, layout, type RenderedMail } from "../render.ts";

/**
 * The confirmation for an address that has never proven it is someone's: the
 * number and the link, nothing the submitter typed (not the subject, message
 * or name), so the public form cannot be used to mail strangers chosen words.
 */
export function ticketReceipt(p: { number: number; ticketUrl: string; forGuest: boolean }): RenderedMail {
  const subject = `[#${p.number}] We received your request`;
  const intro = `We received a request submitted with this email address and gave it the ticket number #${p.number}.`;
  const guestNote = "This link is personal: anyone who has it can read and answer the request.";
  const notYou = "If you did not send it, ignore this message: nothing else will be sent unless someone answers it.";
  const text = [
    "Hello,",
    "",
    intro,
    "",
    `Read and follow it here: ${p.ticketUrl}`,
    ...(p.forGuest ? [guestNote] : []),
    "",
    notYou,
  ].join("\n");
  const html = layout(
    subject,
    `<p>Hello,</p>
<p>We received a request submitted with this email address and gave it the ticket number <strong>#${p.number}</strong>.</p>
${button(p.ticketUrl, "View the request")}
${p.forGuest ? `<p>${guestNote}</p>` : ""}
<p>${notYou}</p>`,
  );
  return { subject, text, html };
}
