import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { consumeAccountToken } from "../account-tokens.ts";

/**
 * Confirms the address behind a confirmation link, with the name and password of the registration the link
 * was sent for (an address registered twice before confirming gets the registration whose link was followed,
 * never another's). From now on the account also owns every earlier request made as a guest from that address.
 */
export async function confirmEmail(db: Kysely<Database>, token: string): Promise<{ email: string }> {
  const at = new Date();
  return db.transaction().execute(async (trx) => {
    const { userId, registration } = await consumeAccountToken(trx, token, "confirm_email", at);
    const user = await trx
      .updateTable("users")
      .set({
        email_confirmed_at: at.toISOString(),
        updated_at: at.toISOString(),
        ...(registration ? { name: registration.name, password_hash: registration.passwordHash } : {}),
      })
      .where("id", "=", userId)
      .returning(["id", "email"])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("tickets")
      .set({ requester_id: user.id })
      .where("requester_email", "=", user.email)
      .where("requester_id", "is", null)
      .execute();
    return { email: user.email };
  });
}
