import type { Kysely } from "kysely";

/** Macros may also assign the ticket: to an agent, to a group, or both. */
export function macroAssignment() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("macros")
        .addColumn("assignee_id", "text", (c) => c.references("users.id").onDelete("set null"))
        .execute();
      await db.schema
        .alterTable("macros")
        .addColumn("group_id", "text", (c) => c.references("groups.id").onDelete("set null"))
        .execute();
    },
  };
}
