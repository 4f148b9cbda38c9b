import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/**
 * To the requester of a duplicate: where their request continues. `into` is
 * the ticket that continues, given only when they may open it (mergeTicket
 * decides, with `addressMayOpen`); otherwise the mail names no other ticket
 * and links to their own request. Account holders who may open it get a link
 * to it; guests a personal link to their own request, which points there.
 */
export function ticketMerged(
  t: Translator,
  p: {
    number: number;
    subject: string;
    into: { number: number; subject: string; copied: boolean } | null;
    ticketUrl: string;
    forGuest: boolean;
  },
): RenderedMail {
  const { into } = p;
  const number = ticketNo(p.number);
  const intoNumber = into ? ticketNo(into.number) : "";
  const subject = into
    ? t.t("mail.ticketMerged.subjectInto", { number, into: intoNumber, subject: p.subject })
    : t.t("mail.ticketMerged.subjectOther", { number, subject: p.subject });
  const about = into
    ? t.t("mail.ticketMerged.aboutInto", { number, subject: p.subject, into: intoNumber, intoSubject: into.subject })
    : t.t("mail.ticketMerged.aboutOther", { number, subject: p.subject });
  const next = !into
    ? t.t("mail.ticketMerged.nextOther", { number })
    : into.copied
      ? t.t("mail.ticketMerged.nextCopied", { number, into: intoNumber })
      : t.t("mail.ticketMerged.nextInto", { number, into: intoNumber });
  const follow = into && !p.forGuest;
  return composeMail(t, subject, [
    about,
    next,
    {
      button: follow ? t.t("mail.ticketMerged.follow", { into: intoNumber }) : t.t("mail.ticketMerged.see"),
      href: p.ticketUrl,
    },
    p.forGuest && t.t("mail.ticketMerged.guestNote"),
  ]);
}
