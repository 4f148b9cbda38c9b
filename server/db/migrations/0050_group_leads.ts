import type { Kysely } from "kysely";

/**
 * Issue 18: a group's lead, one of its agents, whom a trigger can mail ("a Bad rating notifies the group
 * lead") without an admin typing an address into each rule. Deleting the user clears the lead; leaving the
 * group clears it too (server/accounts/memberships.ts).
 */
export function groupLeads() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("groups")
        .addColumn("lead_id", "text", (c) => c.references("users.id").onDelete("set null"))
        .execute();
    },
  };
}
