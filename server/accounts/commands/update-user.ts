import type { Kysely } from "kysely";
import type { UpdateUser } from "../../../common/admin.ts";
import type { UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import type { Database } from "../../db/schema.ts";
import { keepingAUserManager } from "../last-admin.ts";
import { replaceMemberships } from "../memberships.ts";
import { loadPermissions, requireGroupsHeld, requireNothingHandedOut } from "../permissions.ts";

/**
 * Changes a user's name, licence, roles, organizations, groups or disabled
 * state. Disabling ends their sessions at once. Admins cannot disable or
 * demote themselves, and no change may take away the last person who can
 * manage users (their own roles included), so a help desk never loses its
 * last way in.
 */
export async function updateUser(
  db: Kysely<Database>,
  admin: UserActor,
  userId: string,
  input: UpdateUser,
): Promise<void> {
  if (userId === admin.user.id) {
    if (input.disabled)
      throw new AppError("validation_failed", "You cannot disable your own account.", {
        disabled: "You cannot disable your own account.",
      });
    if (input.licence && input.licence !== "admin") {
      throw new AppError("validation_failed", "You cannot remove your own admin licence.", {
        licence: "You cannot remove your own admin licence.",
      });
    }
  }
  const at = new Date().toISOString();
  await db.transaction().execute((trx) =>
    keepingAUserManager(trx, async () => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "disabled_at", "licence"])
        .where("id", "=", userId)
        .executeTakeFirst();
      if (!user) throw notFound("That user");
      const before = await loadPermissions(trx, user.id, user.licence);
      await trx
        .updateTable("users")
        .set({
          updated_at: at,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.licence !== undefined ? { licence: input.licence } : {}),
          ...(input.disabled !== undefined ? { disabled_at: input.disabled ? (user.disabled_at ?? at) : null } : {}),
        })
        .where("id", "=", userId)
        .execute();
      if (input.roleIds) await replaceMemberships(trx, userId, "roles", input.roleIds);
      // New roles, or a licence that lets more of the roles count, must not give what the admin does not hold.
      await requireNothingHandedOut(trx, admin, userId, before);
      if (input.organizationIds) await replaceMemberships(trx, userId, "organizations", input.organizationIds);
      if (input.groupIds) {
        await requireGroupsHeld(trx, admin, userId, input.groupIds);
        await replaceMemberships(trx, userId, "groups", input.groupIds);
      }
      if (input.disabled) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    }),
  );
}
