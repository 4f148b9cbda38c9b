import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Reporting (issue 18): counts per hour × group × channel × priority × service, added to by the
 * metrics reaction in the event's transaction, so a year of created/solved/backlog figures reads a
 * few thousand rows instead of every ticket. Hours (UTC) rather than days, so each viewer's days
 * can be drawn in their own time zone (docs/decisions.md). "No group" and "no service" are stored
 * as '' so they take part in the primary key.
 */
export function reportRollups(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("report_rollups")
        .addColumn("hour", ts, (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("priority", "text", (c) => c.notNull())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("created", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("solved", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("withdrawn", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reopened", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("replies", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("report_rollups_key", ["hour", "group_id", "channel", "priority", "service_id"])
        .execute();
      await db.schema
        .createIndex("report_rollups_group_hour")
        .on("report_rollups")
        .columns(["group_id", "hour"])
        .execute();
    },
  };
}
