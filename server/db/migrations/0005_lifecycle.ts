import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** The ticket lifecycle: solved time, follow-ups, withdrawal reasons, CCs and personal alerts. */
export function lifecycle(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("tickets").addColumn("solved_at", ts).execute();
      await db.schema
        .alterTable("tickets")
        .addColumn("follow_up_of", "text", (c) => c.references("tickets.id").onDelete("set null"))
        .execute();

      await db.schema
        .createTable("withdraw_reasons")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("label", "text", (c) => c.notNull().unique())
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      const reasons = ["The problem went away", "I found the answer myself", "I sent it by mistake", "Something else"];
      for (const [position, label] of reasons.entries()) {
        await sql`insert into withdraw_reasons (id, label, position) values (${newId()}, ${label}, ${position})`.execute(
          db,
        );
      }

      await db.schema
        .createTable("ticket_ccs")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("added_by_name", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("ticket_ccs_pk", ["ticket_id", "email"])
        .execute();
      await db.schema.createIndex("ticket_ccs_email").on("ticket_ccs").column("email").execute();

      await db.schema
        .createTable("alert_subscriptions")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("subscriber", "text", (c) => c.notNull())
        .addColumn("alert", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("alert_subscriptions_pk", ["ticket_id", "subscriber", "alert"])
        .execute();
    },
  };
}
