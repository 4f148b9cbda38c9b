import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { hashToken, newToken } from "./tokens.ts";

export const guestLinkLifetimeMs = 7 * 24 * 60 * 60 * 1000;
export const guestSessionLifetimeMs = 24 * 60 * 60 * 1000;

/** A fresh access link to one ticket for one email address; older unused links for the pair stop working. */
export async function issueGuestLink(
  trx: Transaction<Database>,
  ticketId: string,
  email: string,
  at: Date,
): Promise<string> {
  await trx
    .updateTable("guest_links")
    .set({ used_at: at.toISOString() })
    .where("ticket_id", "=", ticketId)
    .where("email", "=", email)
    .where("used_at", "is", null)
    .execute();
  const token = newToken();
  await trx
    .insertInto("guest_links")
    .values({
      id: hashToken(token),
      ticket_id: ticketId,
      email,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + guestLinkLifetimeMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export function guestLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/access/${token}`;
}
