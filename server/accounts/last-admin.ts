import type { Transaction } from "kysely";
import { AppError } from "../core/errors.ts";
import { engineOf, supportsRowLocks } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { loadPermissions } from "./permissions.ts";

/** The one sentence for a change that would leave nobody able to manage users. */
export const lastAdminChange =
  "This would leave nobody who can manage users: make someone else an admin first, then try again.";

/**
 * The people who can still let anyone in: enabled, not anonymised, and holding "Manage users" (only the admin
 * licence allows it, and only through a role). On PostgreSQL the admins' rows are locked, lowest id first, so two
 * changes that each take away one of the last two admins run one after the other, and the second sees the first.
 */
export async function userManagers(trx: Transaction<Database>): Promise<string[]> {
  let admins = trx
    .selectFrom("users")
    .select(["id", "licence"])
    .where("licence", "=", "admin")
    .where("disabled_at", "is", null)
    .where("anonymised_at", "is", null)
    .orderBy("id");
  if (supportsRowLocks(engineOf(trx))) admins = admins.forUpdate();
  const managers: string[] = [];
  for (const admin of await admins.execute()) {
    if ((await loadPermissions(trx, admin.id, admin.licence)).includes("admin.users")) managers.push(admin.id);
  }
  return managers;
}

/**
 * Runs a change to users or roles (a licence, a disabled state, a user's roles, a role's permissions, a role
 * removed) and refuses it, with nothing changed, when it takes away the last person who can manage users: a help
 * desk must never lock every admin out. A change made where nobody could manage users already is left alone.
 */
export async function keepingAUserManager<T>(trx: Transaction<Database>, change: () => Promise<T>): Promise<T> {
  const before = await userManagers(trx);
  const result = await change();
  if (before.length > 0 && (await userManagers(trx)).length === 0) throw new AppError("conflict", lastAdminChange);
  return result;
}
