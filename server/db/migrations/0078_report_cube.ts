import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 18: reports at a million tickets. Three tables, docs/decisions.md ("Reports read a cube"):
 *
 * - `report_hours`: created/solved/withdrawn/reopened per UTC hour and group, kept by the metrics reaction
 *   beside `report_rollups` (which also slices by channel, priority and service and so has a row for nearly
 *   every ticket at a million a year). The time series and the heat map read it.
 * - `report_cube`: per UTC day and per UTC month, per group and one slicing dimension at a time, the counts
 *   behind every percentage and histograms (fixed buckets, with the sum of the values in each) of the
 *   durations behind every median. Built from `ticket_metrics` by the `reports.cube` job.
 * - `report_periods`: which days and months of the cube are up to date. The metrics reaction marks a day and
 *   its month dirty when it changes a row counted there; a report reads dirty or unbuilt periods from the
 *   metrics rows, so it never shows a stale figure.
 */
export function reportCube(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("report_hours")
        .addColumn("hour", ts, (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("created", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("solved", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("withdrawn", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reopened", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("report_hours_key", ["hour", "group_id"])
        .execute();
      await sql`insert into report_hours (hour, group_id, created, solved, withdrawn, reopened)
        select hour, group_id, sum(created), sum(solved), sum(withdrawn), sum(reopened)
        from report_rollups group by hour, group_id`.execute(db);

      await db.schema
        .createTable("report_cube")
        .addColumn("grain", "text", (c) => c.notNull())
        .addColumn("dim", "text", (c) => c.notNull())
        .addColumn("measure", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("bucket", "integer", (c) => c.notNull())
        .addColumn("n", "integer", (c) => c.notNull())
        .addColumn("total", "double precision", (c) => c.notNull())
        // A report reads a few measures of one dimension over a range of periods: this order makes that one
        // range of the key per measure.
        .addPrimaryKeyConstraint("report_cube_key", [
          "grain",
          "dim",
          "measure",
          "period",
          "group_id",
          "value",
          "bucket",
        ])
        .execute();
      // Rebuilding a period deletes its rows.
      await db.schema.createIndex("report_cube_period").on("report_cube").columns(["grain", "period"]).execute();

      await db.schema
        .createTable("report_periods")
        .addColumn("grain", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("report_periods_key", ["grain", "period"])
        .execute();
      // The ticket's service level, kept on its metrics row like its group, so the cube and the "already late"
      // counts read no ticket rows (a join per undecided target cost seconds at a million tickets).
      await db.schema.alterTable("ticket_metrics").addColumn("sla_policy_id", "text").execute();
      await sql`update ticket_metrics set sla_policy_id =
        (select tickets.sla_policy_id from tickets where tickets.id = ticket_metrics.ticket_id)`.execute(db);
      // Partial: only undecided targets are in them, the ones a report asks "already late?" about; with the
      // columns that question reads (the period first, as reports ask by period), so it is answered from the
      // index alone.
      await db.schema
        .createIndex("ticket_metrics_first_reply_undecided")
        .on("ticket_metrics")
        .columns([
          "created_at",
          "first_reply_due_at",
          "first_reply_at",
          "group_id",
          "sla_policy_id",
          "first_reply_breached",
        ])
        .where(sql.ref("first_reply_breached"), "is", null)
        .execute();
      await db.schema
        .createIndex("ticket_metrics_resolution_undecided")
        .on("ticket_metrics")
        .columns([
          "created_at",
          "resolution_due_at",
          "status_category",
          "group_id",
          "sla_policy_id",
          "resolution_breached",
        ])
        .where(sql.ref("resolution_breached"), "is", null)
        .execute();
      // The same for one group's figures: SQLite, which keeps no statistics here, otherwise takes the group's
      // creation-time index and reads every row of the group's year (seconds at a million tickets).
      await db.schema
        .createIndex("ticket_metrics_first_reply_undecided_group")
        .on("ticket_metrics")
        .columns([
          "group_id",
          "created_at",
          "first_reply_due_at",
          "first_reply_at",
          "sla_policy_id",
          "first_reply_breached",
        ])
        .where(sql.ref("first_reply_breached"), "is", null)
        .execute();
      await db.schema
        .createIndex("ticket_metrics_resolution_undecided_group")
        .on("ticket_metrics")
        .columns([
          "group_id",
          "created_at",
          "resolution_due_at",
          "status_category",
          "sla_policy_id",
          "resolution_breached",
        ])
        .where(sql.ref("resolution_breached"), "is", null)
        .execute();
      // Ratings of one group in a period (the report cube's raw part), as there are for creation and solve.
      await db.schema
        .createIndex("ticket_metrics_group_rated")
        .on("ticket_metrics")
        .columns(["group_id", "satisfaction_rated_at"])
        .execute();
    },
  };
}
