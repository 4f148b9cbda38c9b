import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** To the agent a ticket was just assigned to (never to someone who assigned it to themselves). */
export function ticketAssigned(
  t: Translator,
  p: { number: number; subject: string; assignedBy: string; requester: string; priority: string; ticketUrl: string },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.ticketAssigned.subject", { number, subject: p.subject }), [
    t.t("mail.ticketAssigned.body", { assignedBy: p.assignedBy, number }),
    t.t("mail.ticketAssigned.details", { subject: p.subject, requester: p.requester, priority: p.priority }),
    { button: t.t("mail.ticketAssigned.button"), href: p.ticketUrl },
  ]);
}
