import { type Kysely, sql } from "kysely";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** Seed 002's response-time targets, one policy per priority, in calendar time (the seed says "within 1 hour"). */
const defaultTargets = [
  { name: "Urgent", priority: "urgent", minutes: 60 },
  { name: "High", priority: "high", minutes: 4 * 60 },
  { name: "Medium", priority: "medium", minutes: 24 * 60 },
  { name: "Low", priority: "low", minutes: 48 * 60 },
];

const weekdayHours = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" }));

/**
 * Service levels: business calendars, SLA policies, due dates on tickets,
 * the notices that make due/overdue alerts fire once, and unique job keys so
 * a recurring schedule fires once per slot however many runners there are.
 */
export function serviceLevels(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = jsonColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("jobs").addColumn("unique_key", "text").execute();
      await db.schema.createIndex("jobs_unique_key").on("jobs").column("unique_key").unique().execute();
      // The claim takes expired leases by their own index instead of sorting the due backlog behind an OR.
      await db.schema.createIndex("jobs_leases").on("jobs").columns(["status", "locked_until"]).execute();
      await db.schema.createIndex("jobs_finished").on("jobs").columns(["finished_at"]).execute();

      await db.schema
        .createTable("calendars")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("time_zone", "text", (c) => c.notNull())
        .addColumn("hours", json, (c) => c.notNull())
        .addColumn("holidays", json, (c) => c.notNull())
        .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      const at = new Date().toISOString();
      await sql`insert into calendars (id, name, time_zone, hours, holidays, is_default, created_at, updated_at)
        values (${newId()}, ${"Business hours"}, ${"UTC"}, ${JSON.stringify(weekdayHours)}, ${"[]"}, 1, ${at}, ${at})`.execute(
        db,
      );
      await db.schema
        .alterTable("groups")
        .addColumn("calendar_id", "text", (c) => c.references("calendars.id").onDelete("set null"))
        .execute();

      await db.schema
        .createTable("sla_policies")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("conditions", json, (c) => c.notNull())
        .addColumn("first_response_minutes", "integer")
        .addColumn("resolution_minutes", "integer")
        .addColumn("business_time", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("calendar_id", "text", (c) => c.references("calendars.id").onDelete("set null"))
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      for (const [position, t] of defaultTargets.entries()) {
        const conditions = JSON.stringify({ priorities: [t.priority] });
        await sql`insert into sla_policies (id, name, position, conditions, first_response_minutes, resolution_minutes, business_time, created_at, updated_at)
          values (${newId()}, ${t.name}, ${position}, ${conditions}, ${t.minutes}, ${null}, 0, ${at}, ${at})`.execute(
          db,
        );
      }

      // Per-status switch: does time in this status count against the targets? Waiting on the customer does not.
      await db.schema
        .alterTable("statuses")
        .addColumn("pauses_sla", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update statuses set pauses_sla = 1 where category in ('pending', 'on_hold')`.execute(db);

      for (const column of [
        "first_response_due_at",
        "resolution_due_at",
        "first_responded_at",
        "sla_paused_at",
        "due_at",
        "due_soon_at",
        "auto_close_at",
      ]) {
        await db.schema.alterTable("tickets").addColumn(column, ts).execute();
      }
      await db.schema
        .alterTable("tickets")
        .addColumn("sla_policy_id", "text", (c) => c.references("sla_policies.id").onDelete("set null"))
        .execute();
      await db.schema.createIndex("tickets_due").on("tickets").columns(["due_at", "id"]).execute();
      await db.schema.createIndex("tickets_due_soon").on("tickets").column("due_soon_at").execute();
      await db.schema.createIndex("tickets_auto_close").on("tickets").column("auto_close_at").execute();
      // Tickets solved before calendars existed close on the old rule: N weekdays (UTC) after solving.
      const solved = await sql<{ id: string; solved_at: string | Date }>`
        select tickets.id, tickets.solved_at from tickets join statuses on statuses.id = tickets.status_id
        where statuses.category = 'solved' and tickets.solved_at is not null`.execute(db);
      for (const row of solved.rows) {
        const closeAt = addWeekdays(new Date(row.solved_at), 3).toISOString();
        await sql`update tickets set auto_close_at = ${closeAt} where id = ${row.id}`.execute(db);
      }

      await db.schema
        .createTable("sla_notices")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("due_at", ts, (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("sla_notices_pk", ["ticket_id", "kind", "due_at"])
        .execute();

      // Triggers (run when a ticket is created) and time rules (run when a ticket has waited long enough).
      await db.schema
        .createTable("automation_rules")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("conditions", json, (c) => c.notNull())
        .addColumn("status_category", "text")
        .addColumn("after_business_days", "integer")
        .addColumn("actions", json, (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("automation_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("rule_id", "text", (c) => c.notNull().references("automation_rules.id").onDelete("cascade"))
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        // What made this run unique: "created" for a trigger, the time the ticket entered its status for a time rule.
        .addColumn("run_key", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("ran_at", ts, (c) => c.notNull())
        .addUniqueConstraint("automation_runs_once", ["rule_id", "ticket_id", "run_key"])
        .execute();
      await db.schema.createIndex("automation_runs_recent").on("automation_runs").columns(["ran_at", "id"]).execute();
    },
  };
}

function addWeekdays(from: Date, days: number): Date {
  const result = new Date(from.getTime());
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (result.getUTCDay() !== 0 && result.getUTCDay() !== 6) added += 1;
  }
  return result;
}
