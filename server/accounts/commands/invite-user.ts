import type { InviteUser } from "../../../common/admin.ts";
import type { UserActor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { isUniqueViolation } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { queueMail } from "../../mail/outbox.ts";
import { invitation } from "../../mail/templates/invitation.ts";
import { issueAccountToken } from "../account-tokens.ts";
import { replaceMemberships } from "../memberships.ts";
import { requireGroupsHeld, requireNothingHandedOut } from "../permissions.ts";
import { normalizeEmail } from "../queries.ts";
import { emailTaken } from "./create-user.ts";

/**
 * An admin creates an account and the person gets a link to choose their
 * password; choosing it confirms the address. Without roles given, the
 * licence's default role applies.
 */
export async function inviteUser(
  { db, config }: Pick<AppContext, "db" | "config">,
  admin: UserActor,
  input: InviteUser,
): Promise<string> {
  const id = newId();
  const at = new Date();
  const timestamp = at.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id,
          email: normalizeEmail(input.email),
          name: input.name,
          password_hash: null,
          licence: input.licence,
          created_at: timestamp,
          updated_at: timestamp,
          disabled_at: null,
          email_confirmed_at: null,
        })
        .execute();
      const defaultRoles = await trx
        .selectFrom("roles")
        .select("id")
        .where("default_for", "=", input.licence)
        .execute();
      await replaceMemberships(trx, id, "roles", input.roleIds ?? defaultRoles.map((r) => r.id));
      await requireNothingHandedOut(trx, admin, id, []);
      await replaceMemberships(trx, id, "organizations", input.organizationIds ?? []);
      await requireGroupsHeld(trx, admin, undefined, input.groupIds);
      await replaceMemberships(trx, id, "groups", input.groupIds ?? []);
      const token = await issueAccountToken(trx, id, "reset_password", at);
      await queueMail(
        trx,
        {
          template: "invitation",
          to: normalizeEmail(input.email),
          content: invitation(await recipientTranslator(trx, normalizeEmail(input.email)), {
            name: input.name,
            invitedBy: admin.user.name,
            setPasswordUrl: `${config.baseUrl}/reset-password/${token}`,
          }),
        },
        { baseUrl: config.baseUrl, at: timestamp },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return id;
}
