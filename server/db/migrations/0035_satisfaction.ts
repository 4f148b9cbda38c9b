import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/**
 * Satisfaction surveys (server/satisfaction/): the admin's settings (one row), the groups and services that
 * send none, the reasons a requester can give for a Bad rating, and one survey per ticket with its answer.
 * The survey's link token is stored only as its SHA-256, like guest access links.
 */
export function satisfaction(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("satisfaction_settings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("delay_minutes", "integer", (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await sql`insert into satisfaction_settings (id, enabled, delay_minutes, updated_at)
        values ('default', 1, 60, ${new Date().toISOString()})`.execute(db);
      await db.schema
        .createTable("satisfaction_excluded_groups")
        .addColumn("group_id", "text", (c) => c.primaryKey().references("groups.id").onDelete("cascade"))
        .execute();
      await db.schema
        .createTable("satisfaction_excluded_services")
        .addColumn("service_id", "text", (c) => c.primaryKey().references("services.id").onDelete("cascade"))
        .execute();
      await db.schema
        .createTable("satisfaction_reasons")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("label", "text", (c) => c.notNull().unique())
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      const reasons = ["The problem is not solved", "It took too long", "The answers were unhelpful"];
      for (const [position, label] of reasons.entries()) {
        await sql`insert into satisfaction_reasons (id, label, position) values (${newId()}, ${label}, ${position})`.execute(
          db,
        );
      }
      await db.schema
        .createTable("satisfaction_surveys")
        .addColumn("ticket_id", "text", (c) => c.primaryKey().references("tickets.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.unique())
        .addColumn("expires_at", ts)
        .addColumn("sent_at", ts)
        .addColumn("rating", "text")
        .addColumn("comment", "text")
        .addColumn("reason", "text")
        .addColumn("rated_at", ts)
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      // Reports read answers by when they were given.
      await db.schema.createIndex("satisfaction_surveys_rated").on("satisfaction_surveys").column("rated_at").execute();
    },
  };
}
