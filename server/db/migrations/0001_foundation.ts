import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** The default statuses of DESIGN.md §4; admins reshape them later (they are data, not an enum). */
const defaultStatuses = [
  ["new", "New", "Open", "new"],
  ["open", "Open", "Open", "open"],
  ["in_progress", "In Progress", "In progress", "open"],
  ["waiting_for_customer", "Waiting for Customer", "Awaiting your reply", "pending"],
  ["on_hold", "On Hold", "On hold", "on_hold"],
  ["solved", "Solved", "Resolved", "solved"],
  ["closed", "Closed", "Closed", "closed"],
  ["withdrawn", "Withdrawn", "Withdrawn", "cancelled"],
] as const;

export function foundation(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = engine === "postgres" ? "jsonb" : "text";

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("licence", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .addColumn("disabled_at", ts)
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("categories")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("statuses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.notNull().unique())
        .addColumn("agent_label", "text", (c) => c.notNull())
        .addColumn("customer_label", "text", (c) => c.notNull())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("counters")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("tickets")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("number", "integer", (c) => c.notNull().unique())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("priority", "text", (c) => c.notNull())
        .addColumn("category_id", "text", (c) => c.references("categories.id"))
        .addColumn("status_id", "text", (c) => c.notNull().references("statuses.id"))
        .addColumn("requester_email", "text", (c) => c.notNull())
        .addColumn("requester_name", "text", (c) => c.notNull())
        .addColumn("requester_id", "text", (c) => c.references("users.id"))
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      // The agent list pages newest-first by (created_at, id); each filter the UI offers gets its index.
      await db.schema.createIndex("tickets_created").on("tickets").columns(["created_at", "id"]).execute();
      await db.schema.createIndex("tickets_status").on("tickets").columns(["status_id", "created_at"]).execute();
      await db.schema.createIndex("tickets_requester_email").on("tickets").column("requester_email").execute();
      await db.schema.createIndex("tickets_requester_id").on("tickets").column("requester_id").execute();

      await db.schema
        .createTable("ticket_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.references("users.id"))
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("payload", json, (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("ticket_events_ticket")
        .on("ticket_events")
        .columns(["ticket_id", "created_at"])
        .execute();

      for (const [index, [key, agentLabel, customerLabel, category]] of defaultStatuses.entries()) {
        await sql`insert into statuses (id, key, agent_label, customer_label, category, position)
                  values (${newId()}, ${key}, ${agentLabel}, ${customerLabel}, ${category}, ${index})`.execute(db);
      }
      // Ticket numbers start at 1001: a help desk whose first ticket is #1 looks unused.
      await sql`insert into counters (name, value) values ('ticket_number', 1000)`.execute(db);
    },
  };
}
