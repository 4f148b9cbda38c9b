import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

export function commentAdded(
  t: Translator,
  p: {
    number: number;
    subject: string;
    author: string;
    comment: string;
    /** File names only: the files stay behind the ticket's access rules, so mail links to the page. */
    attachments?: string[];
    ticketUrl: string;
    forGuest: boolean;
  },
): RenderedMail {
  const number = ticketNo(p.number);
  return composeMail(t, t.t("mail.commentAdded.subject", { number, subject: p.subject }), [
    t.t("mail.commentAdded.body", { author: p.author, number }),
    { quote: p.comment },
    Boolean(p.attachments?.length) && t.t("mail.commentAdded.attached", { files: (p.attachments ?? []).join(", ") }),
    { button: t.t("mail.commentAdded.button"), href: p.ticketUrl },
    p.forGuest && t.t("mail.guestNote"),
  ]);
}
