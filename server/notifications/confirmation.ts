/**
 * "We received your request": the mail a requester gets when their ticket is created (the reaction to a
 * "created" event that asks for it), with the ticket number and a link: a fresh access link for a guest,
 * the portal page for an account holder.
 */
import type { Transaction } from "kysely";
import type { PayloadOf } from "../../common/ticket-events.ts";
import { addressHasConfirmed } from "../accounts/confirmed-address.ts";
import { guestLinkUrl, issueGuestLink } from "../accounts/guest-links.ts";
import type { Database } from "../db/schema.ts";
import { htmlToTextBounded, roughTextOfHtml } from "../html/bounded-html.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { ticketReceipt } from "../mail/templates/ticket-receipt.ts";
import { ticketReceived } from "../mail/templates/ticket-received.ts";

type Confirmation = NonNullable<PayloadOf<"created">["confirmation"]>;

export async function queueConfirmation(
  trx: Transaction<Database>,
  config: { baseUrl: string },
  ticketId: string,
  { trusted }: Confirmation,
  at: string,
): Promise<void> {
  const ticket = await trx
    .selectFrom("tickets")
    .select([
      "id",
      "number",
      "subject",
      "message",
      "message_format",
      "requester_id",
      "requester_email",
      "requester_name",
      "locale",
    ])
    .where("id", "=", ticketId)
    .executeTakeFirstOrThrow();
  const forGuest = ticket.requester_id === null;
  const ticketUrl = forGuest
    ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticket.id, ticket.requester_email, new Date(at)))
    : `${config.baseUrl}/requests/${ticket.number}`;
  // Otherwise the text is echoed only to an address that has proven it is someone's (no mail relay).
  const full = trusted || (await addressHasConfirmed(trx, ticket.requester_email));
  // A guest is answered in the language they wrote in; an account holder in their profile's.
  const t = await recipientTranslator(trx, ticket.requester_email, ticket.locale);
  await queueMail(
    trx,
    {
      template: "ticket-received",
      to: ticket.requester_email,
      ticketId: ticket.id,
      content: full
        ? ticketReceived(t, {
            number: ticket.number,
            subject: ticket.subject,
            requesterName: ticket.requester_name,
            message: await plainMessage(ticket),
            ticketUrl,
            forGuest,
          })
        : ticketReceipt(t, { number: ticket.number, ticketUrl, forGuest }),
    },
    { baseUrl: config.baseUrl, at },
  );
}

/** The request's words as mail shows them; the HTML was sanitised when it was stored. */
async function plainMessage(ticket: { message: string; message_format: string }): Promise<string> {
  if (ticket.message_format !== "html") return ticket.message;
  const text = await htmlToTextBounded(ticket.message);
  return text.ok ? text.value : roughTextOfHtml(ticket.message, 20_000);
}
