import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * PostgreSQL only: every statement that writes ticket events notifies
 * `switchboard_ticket_events`. NOTIFY is delivered when the transaction
 * commits (and never if it rolls back), so other app instances' live-update
 * pumps read the new rows as soon as they exist, whichever code path wrote
 * them. SQLite runs in one process, whose pump polls; nothing to create there.
 */
export function liveNotify(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine !== "postgres") return;
      await sql`create function switchboard_notify_ticket_events() returns trigger language plpgsql as $$
        begin
          perform pg_notify('switchboard_ticket_events', '');
          return null;
        end
      $$`.execute(db);
      await sql`create trigger ticket_events_notify after insert on ticket_events
        for each statement execute function switchboard_notify_ticket_events()`.execute(db);
    },
  };
}
