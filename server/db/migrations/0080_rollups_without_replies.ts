import type { Kysely } from "kysely";

/**
 * `report_rollups.replies` was added to on every public reply and read by no report: the agents report counts
 * replies from the metrics rows, through the report cube. Dropping it saves an upsert per reply.
 */
export function rollupsWithoutReplies() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("report_rollups").dropColumn("replies").execute();
    },
  };
}
