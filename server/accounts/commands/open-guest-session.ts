import type { Kysely } from "kysely";
import { AppError } from "../../core/errors.ts";
import type { Database } from "../../db/schema.ts";
import { guestSessionLifetimeMs } from "../guest-links.ts";
import { hashToken, newToken } from "../tokens.ts";

export type GuestSessionOpened = {
  token: string;
  csrfToken: string;
  ticketNumber: number;
  email: string;
  expiresAt: Date;
};

/** Trades a one-time access link for a session that can see exactly that ticket. */
export async function openGuestSession(db: Kysely<Database>, linkToken: string): Promise<GuestSessionOpened> {
  const at = new Date();
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable("guest_links")
      .set({ used_at: at.toISOString() })
      .where("id", "=", hashToken(linkToken))
      .where("used_at", "is", null)
      .where("expires_at", ">", at.toISOString())
      .returning(["ticket_id", "email"])
      .executeTakeFirst();
    const ticket = link
      ? await trx
          .selectFrom("tickets")
          .select("number")
          .where("id", "=", link.ticket_id)
          // A link mailed before the ticket was deleted opens nothing; restoring the ticket makes it work again.
          .where("deleted_at", "is", null)
          .where((eb) =>
            eb.or([
              eb("requester_email", "=", link.email),
              eb.exists(
                eb
                  .selectFrom("ticket_ccs")
                  .select("ticket_ccs.ticket_id")
                  .where("ticket_ccs.ticket_id", "=", link.ticket_id)
                  .where("ticket_ccs.email", "=", link.email),
              ),
            ]),
          )
          .executeTakeFirst()
      : undefined;
    if (!link || !ticket) {
      throw new AppError(
        "validation_failed",
        "This access link is not valid any more. Ask for a new one on the status page.",
        {
          token: "This link is not valid any more.",
        },
      );
    }
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(at.getTime() + guestSessionLifetimeMs);
    await trx
      .insertInto("guest_sessions")
      .values({
        id: hashToken(token),
        ticket_id: link.ticket_id,
        email: link.email,
        csrf_token: csrfToken,
        created_at: at.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
    return { token, csrfToken, ticketNumber: ticket.number, email: link.email, expiresAt };
  });
}
