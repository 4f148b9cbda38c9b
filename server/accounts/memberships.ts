import type { Transaction } from "kysely";
import { AppError } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";

export type MembershipKind = "roles" | "organizations" | "groups";
const fieldOf = { roles: "roleIds", organizations: "organizationIds", groups: "groupIds" } as const;

async function assertAllExist(trx: Transaction<Database>, kind: MembershipKind, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await trx.selectFrom(kind).select("id").where("id", "in", ids).execute();
  if (found.length !== ids.length) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      [fieldOf[kind]]: "One of the chosen entries no longer exists. Reload and try again.",
    });
  }
}

/** Replaces a user's roles, organizations or groups with exactly `ids`, refusing ids that do not exist. */
export async function replaceMemberships(
  trx: Transaction<Database>,
  userId: string,
  kind: MembershipKind,
  ids: string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  await assertAllExist(trx, kind, wanted);
  switch (kind) {
    case "roles":
      await trx.deleteFrom("user_roles").where("user_id", "=", userId).execute();
      if (wanted.length) {
        await trx
          .insertInto("user_roles")
          .values(wanted.map((role_id) => ({ user_id: userId, role_id })))
          .execute();
      }
      return;
    case "organizations":
      await trx.deleteFrom("organization_members").where("user_id", "=", userId).execute();
      if (wanted.length) {
        await trx
          .insertInto("organization_members")
          .values(wanted.map((organization_id) => ({ user_id: userId, organization_id })))
          .execute();
      }
      return;
    case "groups":
      // Someone who leaves a group stops leading it.
      await trx
        .updateTable("groups")
        .set({ lead_id: null })
        .where("lead_id", "=", userId)
        .$if(wanted.length > 0, (q) => q.where("id", "not in", wanted))
        .execute();
      await trx.deleteFrom("group_members").where("user_id", "=", userId).execute();
      if (wanted.length) {
        await trx
          .insertInto("group_members")
          .values(wanted.map((group_id) => ({ user_id: userId, group_id })))
          .execute();
      }
      return;
  }
}
