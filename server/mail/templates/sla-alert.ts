import type { Translator } from "../../i18n/translator.ts";
import { composeMail, type RenderedMail, ticketNo } from "../render.ts";

/**
 * To the agents of a ticket's group when it is about to miss, or has missed, its target. The due time is
 * said in the service level calendar's zone, and names it, so nobody reads it in their own.
 */
export function slaAlert(
  t: Translator,
  p: {
    number: number;
    subject: string;
    kind: "sla_due" | "sla_overdue";
    dueAt: string;
    timeZone: string | null;
    ticketUrl: string;
  },
): RenderedMail {
  const number = ticketNo(p.number);
  const alert = p.kind === "sla_due" ? t.t("mail.slaAlert.due") : t.t("mail.slaAlert.overdue");
  return composeMail(t, t.t("mail.slaAlert.subject", { number, alert }), [
    t.t("mail.slaAlert.body", { alert, number, subject: p.subject, dueAt: t.dateTime(p.dueAt, p.timeZone) }),
    { button: t.t("mail.slaAlert.button"), href: p.ticketUrl },
    t.t("mail.slaAlert.why"),
  ]);
}
