import { type Kysely, sql } from "kysely";

/**
 * The Overdue queue, which the sidebar opens sorted by last update, read every
 * overdue ticket through `tickets_due` and sorted them all before it could
 * return the first page (1.6–1.9 s at a million tickets with 100,000 overdue).
 * This index holds only tickets whose SLA clock runs (`due_at` is set on open,
 * unpaused tickets and cleared when they are solved, server/sla/ticket-clock.ts),
 * in update order, with the due time beside it: the list walks it newest first
 * and checks "overdue" in the index, so the first page costs what it takes to
 * meet 25 overdue tickets among the open ones, not the size of the backlog.
 * Same definition on both engines.
 */
export function runningTicketsByUpdate() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index tickets_running_updated on tickets (updated_at, id, due_at) where due_at is not null`.execute(
        db,
      );
    },
  };
}
