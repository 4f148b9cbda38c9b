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

/** The one sentence for every refusal below. */
const notYoursToGive = "You can only give permissions you hold yourself.";

/**
 * Nobody hands out a permission they do not hold: what a change adds (`after` beyond `before`) must be the
 * actor's own. Without this, a role granting only "Manage users" gave its holder the Administrator role, one
 * granting only "Manage roles" added every permission to itself, and one granting only "Create and revoke API
 * tokens" made a token acting as the administrator. Taking permissions away, or keeping them, is always allowed.
 */
export function requireHeld(
  actor: UserActor,
  before: readonly string[],
  after: readonly string[],
  field: string,
  message = notYoursToGive,
): void {
  const handedOut = after.filter((p) => !before.includes(p) && !hasPermission(actor, p as Permission));
  if (handedOut.length > 0)
    throw new AppError("validation_failed", "Some fields need attention.", { [field]: message });
}

/** A user's permissions after a change made in `trx`, checked against what they had before it. */
export async function requireNothingHandedOut(
  db: Kysely<Database>,
  actor: UserActor,
  userId: string,
  before: readonly string[],
): Promise<void> {
  const user = await db
    .selectFrom("users")
    .select(["id", "licence"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  requireHeld(actor, before, await loadPermissions(db, user.id, user.licence), "roleIds");
}

/**
 * A group's members see its tickets, so a place in a group is handed out like a permission: whoever does not see
 * every ticket may add someone (themselves included) only to groups they are in. Without this, a role granting
 * only "Manage users" put its holder in every group, and so in front of every group's tickets. Read before the
 * change: the actor's own groups as they were, `wanted` against the user's groups as they were.
 */
export async function requireGroupsHeld(
  db: Kysely<Database>,
  actor: UserActor,
  userId: string | undefined,
  wanted: readonly string[] | undefined,
): Promise<void> {
  if (!wanted?.length || hasPermission(actor, "tickets.view_all")) return;
  const groupsOf = async (id: string) =>
    (await db.selectFrom("group_members").select("group_id").where("user_id", "=", id).execute()).map(
      (row) => row.group_id,
    );
  const had = userId ? await groupsOf(userId) : [];
  const own = await groupsOf(actor.user.id);
  if (wanted.some((id) => !had.includes(id) && !own.includes(id))) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      groupIds: "You can only add people to groups you are in yourself.",
    });
  }
}

/** An API token acts with every permission of its user, so whoever makes one must hold each of them. */
export async function requireHoldsPermissionsOf(db: Kysely<Database>, actor: UserActor, userId: string): Promise<void> {
  const user = await db.selectFrom("users").select(["id", "licence"]).where("id", "=", userId).executeTakeFirst();
  // An unknown user is the command's to refuse.
  if (!user) return;
  const theirs = await loadPermissions(db, user.id, user.licence);
  requireHeld(
    actor,
    [],
    theirs,
    "userId",
    "Choose a user whose permissions you hold yourself: a token can do all its user can.",
  );
}
