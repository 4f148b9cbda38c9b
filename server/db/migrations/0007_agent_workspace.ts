import { type Kysely, sql } from "kysely";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** Agents who work only their groups' tickets (and those assigned to them): no "See every ticket". */
const groupAgentPermissions = ["tickets.submit", "catalog.view", "tickets.work", "tickets.assign"];

/**
 * The agent workspace: who a ticket is assigned to, agents' saved views, and
 * the per-status switch that lets customers reopen a closed ticket by replying
 * (seed 002's "You can reopen a closed ticket if the issue persists").
 */
export function agentWorkspace(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // 0 or 1: the same integer on both engines, so the code reads it one way.
      await db.schema
        .alterTable("statuses")
        .addColumn("customers_may_reopen", "integer", (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .alterTable("tickets")
        .addColumn("assignee_id", "text", (c) => c.references("users.id").onDelete("set null"))
        .execute();
      // The queues: "Mine" and "Unassigned" by assignee, "My groups" by group, each newest-updated first.
      await db.schema
        .createIndex("tickets_assignee_updated")
        .on("tickets")
        .columns(["assignee_id", "updated_at", "id"])
        .execute();
      await db.schema
        .createIndex("tickets_group_updated")
        .on("tickets")
        .columns(["group_id", "updated_at", "id"])
        .execute();
      await db.schema
        .createIndex("tickets_status_updated")
        .on("tickets")
        .columns(["status_id", "updated_at", "id"])
        .execute();

      await db.schema
        .createTable("saved_views")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("filters", jsonColumnType(engine), (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addUniqueConstraint("saved_views_owner_name", ["owner_id", "name"])
        .execute();

      await sql`insert into roles (id, key, name, permissions, default_for, created_at)
                values (${newId()}, 'group_agent', 'Group agent', ${JSON.stringify(groupAgentPermissions)}, null,
                        ${new Date().toISOString()})`.execute(db);
    },
  };
}
