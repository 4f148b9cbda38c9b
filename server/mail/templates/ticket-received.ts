import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

export type TicketReceivedParams = {
  number: number;
  subject: string;
  requesterName: string;
  message: string;
  /** The portal page for account holders; a personal access link for guests. */
  ticketUrl: string;
  forGuest: boolean;
};

export function ticketReceived(t: Translator, p: TicketReceivedParams): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.ticketReceived.subject", { number, subject: p.subject }), [
    t.t("mail.helloName", { name: p.requesterName }),
    t.t("mail.ticketReceived.body", { number }),
    { button: t.t("mail.ticketReceived.button"), href: p.ticketUrl },
    p.forGuest && t.t("mail.guestNote"),
    t.t("mail.ticketReceived.yourRequest"),
    { quote: p.message },
  ]);
}
