import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Reporting (issue 18): one metrics row per ticket, kept by the metrics reaction as events happen
 * (server/reports/), so reports read one row per ticket instead of replaying events. Durations are
 * minutes as floating point numbers, each in calendar time and in the ticket's business calendar.
 * Also grants the new `reports.view` permission to the built-in agent, group agent and administrator roles.
 */
export function ticketMetrics(engine: Engine) {
  const ts = timestampColumnType(engine);
  const minutes = engine === "sqlite" ? "real" : "double precision";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable("ticket_metrics")
        .addColumn("ticket_id", "text", (c) => c.primaryKey().references("tickets.id").onDelete("cascade"))
        .addColumn("created_at", ts, (c) => c.notNull())
        // What reports slice by, as the ticket stands now.
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("priority", "text", (c) => c.notNull())
        .addColumn("service_id", "text")
        .addColumn("ticket_type_id", "text")
        .addColumn("group_id", "text")
        .addColumn("assignee_id", "text")
        .addColumn("organization_id", "text")
        // Where the ticket stands, to count the time spent in each kind of status.
        .addColumn("status_category", "text", (c) => c.notNull())
        .addColumn("status_since", ts, (c) => c.notNull())
        .addColumn("first_reply_at", ts)
        .addColumn("solved_at", ts)
        .addColumn("replies", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("agent_touches", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reopens", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("assignee_stations", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("group_stations", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("first_reply_due_at", ts)
        .addColumn("resolution_due_at", ts)
        // 1 missed, 0 met, null while undecided (or no target).
        .addColumn("first_reply_breached", "integer")
        .addColumn("resolution_breached", "integer")
        .addColumn("satisfaction_rating", "text")
        .addColumn("satisfaction_comment", "text")
        .addColumn("satisfaction_reason", "text")
        .addColumn("satisfaction_rated_at", ts)
        .addColumn("updated_at", ts, (c) => c.notNull());
      for (const name of [
        "first_reply",
        "full_resolution",
        "first_reply_sla_margin",
        "resolution_sla_margin",
      ] as const) {
        table = table.addColumn(`${name}_minutes`, minutes).addColumn(`${name}_business_minutes`, minutes);
      }
      for (const name of ["requester_wait", "agent_wait", "on_hold"] as const) {
        table = table
          .addColumn(`${name}_minutes`, minutes, (c) => c.notNull().defaultTo(0))
          .addColumn(`${name}_business_minutes`, minutes, (c) => c.notNull().defaultTo(0));
      }
      await table.execute();
      // Reports select a period by when tickets came in or were solved, then slice.
      await db.schema.createIndex("ticket_metrics_created").on("ticket_metrics").columns(["created_at"]).execute();
      await db.schema.createIndex("ticket_metrics_solved").on("ticket_metrics").columns(["solved_at"]).execute();
      await db.schema
        .createIndex("ticket_metrics_group_created")
        .on("ticket_metrics")
        .columns(["group_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("ticket_metrics_group_solved")
        .on("ticket_metrics")
        .columns(["group_id", "solved_at"])
        .execute();
      await db.schema
        .createIndex("ticket_metrics_rated")
        .on("ticket_metrics")
        .columns(["satisfaction_rated_at"])
        .execute();
      await db.schema
        .createIndex("ticket_metrics_status")
        .on("ticket_metrics")
        .columns(["status_category", "group_id"])
        .execute();

      const roles = await sql<{ id: string; permissions: unknown }>`
        select id, permissions from roles where key in ('agent', 'group_agent', 'administrator')`.execute(db);
      for (const role of roles.rows) {
        const stored = typeof role.permissions === "string" ? JSON.parse(role.permissions) : role.permissions;
        const granted = Array.isArray(stored) ? stored.map(String) : [];
        if (granted.includes("reports.view")) continue;
        const next = JSON.stringify([...granted, "reports.view"]);
        await (engine === "postgres"
          ? sql`update roles set permissions = ${next}::jsonb where id = ${role.id}`
          : sql`update roles set permissions = ${next} where id = ${role.id}`
        ).execute(db);
      }
    },
  };
}
