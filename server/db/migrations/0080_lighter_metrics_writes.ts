import { type Kysely, sql } from "kysely";

/**
 * Recording metrics writes less on every ticket change (issue 18's ≤ 10% target):
 * - `report_rollups.replies` was added to on every public reply and read by no report (the agents report counts
 *   replies from the metrics rows, through the report cube): dropped, and an upsert per reply with it.
 * - The solve-time and rating-time indexes held an entry for every ticket, most of them empty (a new ticket is
 *   neither solved nor rated): they now hold only the rows that have the time, so creating a ticket writes four
 *   index entries fewer. Every query on them asks for a range of that time, which implies it is set, so both
 *   engines still use them.
 */
export function lighterMetricsWrites() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("report_rollups").dropColumn("replies").execute();
      for (const [name, columns] of [
        ["ticket_metrics_solved", ["solved_at"]],
        ["ticket_metrics_group_solved", ["group_id", "solved_at"]],
        ["ticket_metrics_rated", ["satisfaction_rated_at"]],
        ["ticket_metrics_group_rated", ["group_id", "satisfaction_rated_at"]],
      ] as const) {
        const time = columns.at(-1) ?? "";
        await db.schema.dropIndex(name).execute();
        await db.schema
          .createIndex(name)
          .on("ticket_metrics")
          .columns([...columns])
          .where(sql.ref(time), "is not", null)
          .execute();
      }
    },
  };
}
