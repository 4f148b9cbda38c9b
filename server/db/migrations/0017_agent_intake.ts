import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/** The default policies as 0008 created them (calendar time); only these, untouched, move to business hours. */
const defaultTargets = [
  { name: "Urgent", minutes: 60 },
  { name: "High", minutes: 4 * 60 },
  { name: "Medium", minutes: 24 * 60 },
  { name: "Low", minutes: 48 * 60 },
];

/**
 * What the help desk learned from first use:
 * - tickets record their channel (web, email, phone, walk-in), since agents now open them for callers;
 * - customer replies are marked for agents until they open the ticket (the last customer reply on the
 *   ticket, and when each agent last opened it);
 * - the default SLA policies count business hours on the default calendar, as seed 002 means them.
 */
export function agentIntake(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("tickets")
        .addColumn("channel", "text", (c) => c.notNull().defaultTo("web"))
        .execute();
      await sql`update tickets set channel = 'email' where id in (
        select ticket_id from inbound_messages where ticket_id is not null and reason in ('new_ticket', 'follow_up'))`.execute(
        db,
      );

      await db.schema.alterTable("tickets").addColumn("customer_replied_at", ts).execute();
      await db.schema
        .createTable("agent_ticket_reads")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("read_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("agent_ticket_reads_pk", ["ticket_id", "user_id"])
        .execute();

      await businessHoursForUntouchedDefaults(db);
    },
  };
}

/** The default policies, as 0008 made them and nobody changed since, count business hours from now on. */
export async function businessHoursForUntouchedDefaults(db: Kysely<unknown>): Promise<void> {
  // An admin who edited a default policy chose its clock already; leave those alone.
  for (const t of defaultTargets) {
    await sql`update sla_policies set business_time = 1
      where name = ${t.name} and first_response_minutes = ${t.minutes} and resolution_minutes is null
        and business_time = 0 and calendar_id is null and created_at = updated_at`.execute(db);
  }
}
