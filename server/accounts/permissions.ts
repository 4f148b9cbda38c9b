import type { Kysely } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import { effectivePermissions, type Permission } from "../../common/permissions.ts";
import { hasPermission, type UserActor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** The union of the user's roles, limited to what the licence allows. */
export async function loadPermissions(db: Kysely<Database>, userId: string, licence: Licence): Promise<Permission[]> {
  const rows = await db
    .selectFrom("user_roles")
    .innerJoin("roles", "roles.id", "user_roles.role_id")
    .select("roles.permissions")
    .where("user_roles.user_id", "=", userId)
    .execute();
  const granted = rows.flatMap((row) => {
    const value = decodeJson(row.permissions);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === "string") : [];
  });
  return effectivePermissions(licence, granted);
}

/**
 * Nobody hands out more than they hold: an API token acts with every permission of its user, so whoever makes
 * one must hold each of them. Without this, "Create and revoke API tokens" alone made a token acting as the
 * administrator, and with it every other permission. An unknown user is left to the command to refuse.
 */
export async function requireHoldsPermissionsOf(db: Kysely<Database>, actor: UserActor, userId: string): Promise<void> {
  const user = await db.selectFrom("users").select(["id", "licence"]).where("id", "=", userId).executeTakeFirst();
  if (!user) return;
  const theirs = await loadPermissions(db, user.id, user.licence);
  if (theirs.every((permission) => hasPermission(actor, permission))) return;
  throw new AppError("validation_failed", "Some fields need attention.", {
    userId: "Choose a user whose permissions you hold yourself: a token can do all its user can.",
  });
}
