import type { Transaction } from "kysely";
import { userManagers } from "../accounts/last-admin.ts";
import type { UserActor } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";

export type ErasableUser = {
  id: string;
  email: string;
  name: string;
  licence: string;
  disabled_at: string | null;
  anonymised_at: string | null;
};

/**
 * Loads the person to erase or delete, and refuses what would leave the help desk
 * without a way in: the admin's own account, and the last administrator who can still sign in.
 */
export async function loadErasableUser(
  trx: Transaction<Database>,
  admin: UserActor,
  userId: string,
  verb: "anonymise" | "delete",
): Promise<ErasableUser> {
  if (userId === admin.user.id) {
    throw new AppError(
      "validation_failed",
      verb === "delete" ? "You cannot delete your own account." : "You cannot anonymise your own account.",
    );
  }
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "name", "licence", "disabled_at", "anonymised_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) throw notFound("That user");
  // The last person who can manage users stays (accounts/last-admin.ts locks the admins on PostgreSQL): two
  // admins erasing each other at once then run one after the other, and the second sees the first gone.
  const managers = await userManagers(trx);
  if (managers.includes(user.id) && managers.length === 1) {
    throw new AppError(
      "conflict",
      verb === "delete"
        ? "This is the last administrator: make someone else an admin before you delete them."
        : "This is the last administrator: make someone else an admin before you anonymise them.",
    );
  }
  return user;
}

/**
 * What a person leaves behind besides their account, removed by both erasure and deletion: the ways to reach
 * them (copies on tickets, personal alerts, guest links, unsent mail) and to act as them (sessions, links,
 * tokens, the answers kept for their idempotency keys). Their uploads expire now, so the purge job removes the
 * files.
 */
export async function removeReachAndAccess(trx: Transaction<Database>, user: ErasableUser, at: string): Promise<void> {
  const email = user.email.toLowerCase();
  await trx
    .deleteFrom("ticket_ccs")
    .where((eb) => eb(eb.fn("lower", [eb.ref("email")]), "=", email))
    .execute();
  await trx.deleteFrom("alert_subscriptions").where("subscriber", "in", [user.id, user.email, email]).execute();
  await trx
    .deleteFrom("guest_links")
    .where((eb) => eb(eb.fn("lower", [eb.ref("email")]), "=", email))
    .execute();
  await trx
    .deleteFrom("guest_sessions")
    .where((eb) => eb(eb.fn("lower", [eb.ref("email")]), "=", email))
    .execute();
  await trx
    .deleteFrom("mail_messages")
    .where((eb) => eb(eb.fn("lower", [eb.ref("to_address")]), "=", email))
    .where("sent_at", "is", null)
    .execute();
  const tokens = await trx.selectFrom("api_tokens").select("id").where("user_id", "=", user.id).execute();
  await trx
    .deleteFrom("idempotency_keys")
    .where("owner", "in", [`user:${user.id}`, ...tokens.map((t) => `token:${t.id}`)])
    .execute();
  await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
  await trx.deleteFrom("account_tokens").where("user_id", "=", user.id).execute();
  await trx.deleteFrom("api_tokens").where("user_id", "=", user.id).execute();
  await trx.updateTable("uploads").set({ expires_at: at }).where("uploader_id", "=", user.id).execute();
}
