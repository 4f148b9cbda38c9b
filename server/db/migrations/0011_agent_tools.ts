import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/** The agent's tools on a ticket: tasks, links between tickets, merging, and macros (canned replies). */
export function agentTools(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("ticket_tasks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("assignee_id", "text", (c) => c.references("users.id").onDelete("set null"))
        // A calendar day (YYYY-MM-DD), not an instant: "due on Friday" means the same day everywhere.
        .addColumn("due_on", "text")
        .addColumn("done_at", ts)
        .addColumn("done_by_name", "text")
        .addColumn("created_by_name", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("ticket_tasks_ticket")
        .on("ticket_tasks")
        .columns(["ticket_id", "created_at"])
        .execute();

      // One row per direction, so "tickets linked to this one" is one indexed lookup whichever side it was made from.
      await db.schema
        .createTable("ticket_links")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("linked_ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("created_by_name", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("ticket_links_pk", ["ticket_id", "linked_ticket_id"])
        .execute();

      await db.schema
        .alterTable("tickets")
        .addColumn("merged_into_id", "text", (c) => c.references("tickets.id").onDelete("set null"))
        .execute();
      await db.schema.createIndex("tickets_merged_into").on("tickets").column("merged_into_id").execute();

      await db.schema
        .createTable("macros")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        // Null: shared by every agent and managed by administrators; otherwise one agent's own.
        .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("cascade"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status_id", "text", (c) => c.references("statuses.id").onDelete("set null"))
        .addColumn("priority", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("macros_owner").on("macros").column("owner_id").execute();
    },
  };
}
