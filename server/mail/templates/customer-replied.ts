import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/** To the assignee (or, while nobody is, the agents of the ticket's group): the customer wrote on the ticket. */
export function customerReplied(
  t: Translator,
  p: {
    number: number;
    subject: string;
    author: string;
    comment: string;
    /** "Reopened" or "Open" when the reply moved the ticket; null when its status stayed. */
    status: string | null;
    ticketUrl: string;
  },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.customerReplied.subject", { number, subject: p.subject }), [
    t.t("mail.customerReplied.body", { author: p.author, number }),
    { quote: p.comment },
    p.status !== null && t.t("mail.customerReplied.moved", { status: p.status }),
    { button: t.t("mail.customerReplied.button"), href: p.ticketUrl },
  ]);
}
