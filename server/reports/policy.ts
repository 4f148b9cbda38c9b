/**
 * Who may see which figures: `reports.view` opens the reports; an agent who
 * sees every ticket sees every group's figures, anyone else only those of the
 * groups they belong to (tickets without a group are nobody's in particular,
 * so only the first kind sees them). Deny by default: no groups, no rows.
 */
import type { Kysely } from "kysely";
import { type Actor, hasPermission } from "../core/actor.ts";
import { requirePermission } from "../core/permissions.ts";
import type { Database } from "../db/schema.ts";

/** null: every group; otherwise the only groups whose tickets count. */
export type ReportScope = { groups: readonly string[] | null };

/** The groups a scope and a group filter leave (undefined: every group; a group outside the scope: none). */
export function reportGroups(scope: ReportScope, groupId: string | undefined): readonly string[] | undefined {
  if (groupId) return scope.groups && !scope.groups.includes(groupId) ? [] : [groupId];
  return scope.groups ?? undefined;
}

export async function reportScopeFor(db: Kysely<Database>, actor: Actor): Promise<ReportScope> {
  const user = requirePermission(actor, "reports.view");
  if (hasPermission(user, "tickets.view_all")) return { groups: null };
  const rows = await db.selectFrom("group_members").select("group_id").where("user_id", "=", user.user.id).execute();
  return { groups: rows.map((r) => r.group_id) };
}
