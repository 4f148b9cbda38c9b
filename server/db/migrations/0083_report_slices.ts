import { type Kysely, type RawBuilder, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 18: a report filtered by agent, priority, service, channel or organization read every metrics row of its
 * period (seconds at a million tickets). The report cube and `report_hours` now keep every figure again per
 * **slice**, one for each filter's value ("priority:high", "assignee:<id>"; "" is every ticket), so one filter
 * reads its slice (server/reports/cube/contributions.ts).
 *
 * - `report_cube` is built again from the metrics rows: the table is made anew with the slice in its key, and
 *   every period forgotten, so the `reports.cube` job builds them all (62 days a run); reports read the periods
 *   not built yet from the metrics rows, as before.
 * - `report_hours` is kept by the metrics reaction and cannot be rebuilt from the rows (every solve counts, not
 *   only the latest): its rows move over as slice "", the priority, channel and service slices are summed from
 *   `report_rollups`, which keeps those; agent and organization slices, which nothing kept, are counted from the
 *   metrics rows: each ticket's arrival, its standing solve or withdrawal (not a solve it was reopened from, nor
 *   a reopening). From now on the reaction keeps every slice exactly.
 */
export function reportSlices(engine: Engine) {
  const ts = timestampColumnType(engine);
  // The UTC hour an instant falls in, as report_hours keeps it.
  const hourOf = (column: string): RawBuilder<unknown> =>
    engine === "postgres"
      ? sql`date_trunc('hour', ${sql.ref(column)} at time zone 'UTC') at time zone 'UTC'`
      : sql`substr(${sql.ref(column)}, 1, 13) || ':00:00.000Z'`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("report_cube").execute();
      await db.schema
        .createTable("report_cube")
        .addColumn("grain", "text", (c) => c.notNull())
        .addColumn("slice", "text", (c) => c.notNull())
        .addColumn("dim", "text", (c) => c.notNull())
        .addColumn("measure", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("bucket", "integer", (c) => c.notNull())
        .addColumn("n", "integer", (c) => c.notNull())
        .addColumn("total", "double precision", (c) => c.notNull())
        // A report reads a few measures of one dimension of one slice over a range of periods: one range of the
        // key per measure.
        .addPrimaryKeyConstraint("report_cube_slice_key", [
          "grain",
          "slice",
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
      await sql`delete from report_periods`.execute(db);

      await db.schema
        .createTable("report_hours_sliced")
        .addColumn("hour", ts, (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("slice", "text", (c) => c.notNull())
        .addColumn("created", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("solved", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("withdrawn", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reopened", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("report_hours_slice_key", ["slice", "hour", "group_id"])
        .execute();
      await sql`insert into report_hours_sliced (hour, group_id, slice, created, solved, withdrawn, reopened)
        select hour, group_id, '', created, solved, withdrawn, reopened from report_hours`.execute(db);
      for (const [slice, column] of [
        ["priority", "priority"],
        ["channel", "channel"],
        ["service", "service_id"],
      ] as const) {
        await sql`insert into report_hours_sliced (hour, group_id, slice, created, solved, withdrawn, reopened)
          select hour, group_id, ${sql.lit(`${slice}:`)} || ${sql.ref(column)},
            sum(created), sum(solved), sum(withdrawn), sum(reopened)
          from report_rollups where ${sql.ref(column)} <> ''
          group by hour, group_id, ${sql.ref(column)}`.execute(db);
      }
      for (const [slice, column] of [
        ["assignee", "assignee_id"],
        ["organization", "organization_id"],
      ] as const) {
        const value = sql`${sql.lit(`${slice}:`)} || ${sql.ref(column)}`;
        const group = sql`coalesce(group_id, '')`;
        await sql`insert into report_hours_sliced (hour, group_id, slice, created, solved, withdrawn, reopened)
          select hour, group_id, slice, sum(created), sum(solved), sum(withdrawn), 0
          from (
            select ${hourOf("created_at")} as hour, ${group} as group_id, ${value} as slice,
              1 as created, 0 as solved, 0 as withdrawn
            from ticket_metrics where ${sql.ref(column)} is not null
            union all
            select ${hourOf("solved_at")}, ${group}, ${value}, 0, 1, 0
            from ticket_metrics
            where ${sql.ref(column)} is not null and solved_at is not null
              and status_category in ('solved', 'closed')
            union all
            select ${hourOf("status_since")}, ${group}, ${value}, 0, 0, 1
            from ticket_metrics where ${sql.ref(column)} is not null and status_category = 'cancelled'
          ) counted
          group by hour, group_id, slice`.execute(db);
      }
      await db.schema.dropTable("report_hours").execute();
      await db.schema.alterTable("report_hours_sliced").renameTo("report_hours").execute();
    },
  };
}
