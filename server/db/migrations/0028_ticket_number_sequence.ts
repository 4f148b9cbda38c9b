import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * On PostgreSQL new tickets take their number from a sequence instead of the
 * `ticket_number` counter row: bumping that row locked it until the creating
 * transaction committed, so concurrent creates queued behind each other for
 * their whole duration. A sequence hands out numbers without a lock held to
 * commit; a rolled-back create leaves a gap. It starts after the highest number
 * the counter or any ticket has used, so numbering carries on where it was.
 * SQLite keeps the counter: its writes are serial anyway.
 */
export function ticketNumberSequence(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine !== "postgres") return;
      await sql`create sequence ticket_number_seq as bigint minvalue 1`.execute(db);
      await sql`select setval('ticket_number_seq',
        greatest(
          (select coalesce(max(value), 0) from counters where name = 'ticket_number'),
          (select coalesce(max(number), 0) from tickets)) + 1,
        false)`.execute(db);
    },
  };
}
