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

type Render = (t: Translator, ticketUrl: string, forGuest: boolean, forAgent: boolean) => RenderedMail;

export type Recipients = {
  /** The address whose action this is: they are not told of it. */
  except: string | null;
  /** A chosen list narrows the people on the ticket; it never adds anyone who is not on it. */
  only?: string[] | undefined;
  /**
   * When a customer's words or action are behind the mail: what an address that has never proven it is
   * someone's gets instead (no confirmed account, no access link it was sent ever used). Anyone may copy any
   * address on a request, by the portal or by mail, so the customer's words go only to proven addresses.
   */
  unproven?: Render | undefined;
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
  render: Render,
  at: string,
  { except, only, unproven }: Recipients,
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
    .filter((e) => only === undefined || only.includes(e));
  const proven = unproven ? await provenAddresses(trx, recipients, accounts) : undefined;
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
    const rendered = unproven && proven && !proven.has(email) ? unproven : render;
    await queueMail(
      trx,
      {
        template,
        to: email,
        content: rendered(await recipientTranslator(trx, email, ticket.locale), ticketUrl, forGuest, forAgent),
        ticketId: ticket.id,
      },
      { baseUrl: config.baseUrl, at },
    );
  }
}

/** The recipients who have proven they read their mail: a confirmed account, or an access link they used. */
async function provenAddresses(
  trx: Transaction<Database>,
  recipients: string[],
  accounts: { email: string }[],
): Promise<Set<string>> {
  const proven = new Set(accounts.map((a) => a.email));
  const others = recipients.filter((e) => !proven.has(e));
  if (others.length) {
    const used = await trx
      .selectFrom("guest_links")
      .select("email")
      .distinct()
      .where("email", "in", others)
      .where("used_at", "is not", null)
      .execute();
    for (const { email } of used) proven.add(email);
  }
  return proven;
}
