import type { Kysely } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import { effectivePermissions, type Permission } from "../../common/permissions.ts";
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
