/** Mail to the people on a ticket (the requester and everyone copied), through the outbox. */
import type { Transaction } from "kysely";
import { guestLinkUrl, issueGuestLink } from "../accounts/guest-links.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/schema.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import type { Translator } from "../i18n/translator.ts";
import { queueMail } from "../mail/outbox.ts";
import type { RenderedMail } from "../mail/render.ts";

export type TicketForMail = {
  id: string;
  number: number;
  requester_email: string;
  requester_id: string | null;
  /** The language the ticket was submitted in: what a guest, who has no profile, reads. */
  locale?: string | null;
};

/**
 * Mails the requester and everyone CC'd: guests (no account) get a fresh
 * personal access link, account holders the portal page; each in their own
 * language (server/i18n/recipient.ts).
 */
export async function notifyPeopleOnTicket(
  trx: Transaction<Database>,
  config: Pick<Config, "baseUrl">,
  ticket: TicketForMail,
  template: string,
  render: (t: Translator, ticketUrl: string, forGuest: boolean, forAgent: boolean) => RenderedMail,
  at: string,
  except: string | null,
  only?: string[],
): Promise<void> {
  const ccs = await trx.selectFrom("ticket_ccs").select("email").where("ticket_id", "=", ticket.id).execute();
  const accounts = await trx
    .selectFrom("users")
    .select(["email", "licence"])
    .where("email", "in", [ticket.requester_email, ...ccs.map((c) => c.email)])
    .where("email_confirmed_at", "is not", null)
    .execute();
  const recipients = [...new Set([ticket.requester_email, ...ccs.map((c) => c.email)])]
    .filter((e) => e !== except)
    // A chosen list narrows the people on the ticket; it never adds anyone who is not on it.
    .filter((e) => only === undefined || only.includes(e));
  for (const email of recipients) {
    const account = accounts.find((a) => a.email === email);
    const forGuest = !account;
    // An agent copied on a ticket works it from the workspace, not from the customer's page.
    const forAgent = account?.licence === "agent" || account?.licence === "admin";
    const ticketUrl = forGuest
      ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticket.id, email, new Date(at)))
      : forAgent
        ? `${config.baseUrl}/agent/tickets/${ticket.number}`
        : `${config.baseUrl}/requests/${ticket.number}`;
    await queueMail(
      trx,
      {
        template,
        to: email,
        content: render(await recipientTranslator(trx, email, ticket.locale), ticketUrl, forGuest, forAgent),
        ticketId: ticket.id,
      },
      { baseUrl: config.baseUrl, at },
    );
  }
}
