import type { StatusCheck } from "../../../common/accounts.ts";
import type { AppContext } from "../../core/context.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { queueMail } from "../../mail/outbox.ts";
import { guestAccess } from "../../mail/templates/guest-access.ts";
import { addressHasConfirmed } from "../confirmed-address.ts";
import { guestLinkUrl, issueGuestLink } from "../guest-links.ts";
import { normalizeEmail } from "../queries.ts";

export const statusCheckAccepted =
  "If that email address and ticket number match a request, we sent an access link to that address.";

/**
 * A guest asks for their ticket by email and number. On a match the access
 * link goes to the requester's address (never shown in the answer), so
 * knowing a number is not enough to read someone else's ticket.
 */
export async function requestStatusCheck(
  { db, config }: Pick<AppContext, "db" | "config">,
  input: StatusCheck,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const at = new Date();
  await db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom("tickets")
      .select(["id", "number", "subject"])
      .where("number", "=", input.number)
      // A deleted ticket is out of every lookup (tickets/policy.ts), a guest's by mail too.
      .where("deleted_at", "is", null)
      .where((eb) =>
        eb.or([
          eb("requester_email", "=", email),
          eb.exists(
            eb
              .selectFrom("ticket_ccs")
              .select("ticket_ccs.ticket_id")
              .whereRef("ticket_ccs.ticket_id", "=", "tickets.id")
              .where("ticket_ccs.email", "=", email),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!ticket) return;
    // The subject was typed by whoever submitted the request, who may not own this address: only an address
    // that has proven it is someone's reads it (as with the "we received your request" mail).
    const proven = await addressHasConfirmed(trx, email);
    const token = await issueGuestLink(trx, ticket.id, email, at);
    await queueMail(
      trx,
      {
        template: "guest-access",
        to: email,
        content: guestAccess(await recipientTranslator(trx, email), {
          number: ticket.number,
          subject: proven ? ticket.subject : null,
          accessUrl: guestLinkUrl(config.baseUrl, token),
        }),
      },
      { baseUrl: config.baseUrl, at: at.toISOString() },
    );
  });
}
