import { type Kysely, sql } from "kysely";

/**
 * The Overdue queue read every overdue ticket through `tickets_due`, with a
 * table lookup each to check the agent's scope, and sorted them all before it
 * could return the first page: 0.5–1.9 s at a million tickets with 100,000
 * overdue; its sidebar count did the same lookups for a group agent.
 *
 * These two indexes hold only tickets whose SLA clock runs (`due_at` is set on
 * open, unpaused tickets and cleared when they are solved or paused,
 * server/sla/ticket-clock.ts) and not deleted, so they are as small as the open
 * backlog. Each carries the columns the ticket scope reads (server/tickets/policy.ts:
 * group, assignee, requester, organization), so a ticket outside a group agent's
 * scope is skipped without reading its row.
 * - `tickets_running_updated`: in update order, the order the sidebar opens
 *   Overdue in; the list walks it newest first and checks the due time in it.
 * - `tickets_running_due`: in due order, for Overdue sorted by due time and for
 *   the Overdue count, a range on the due time; with the status it is all the
 *   count reads.
 * Same definitions on both engines.
 */
export function runningTicketsByUpdate() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const scope = sql.raw("group_id, assignee_id, requester_id, organization_id");
      const running = sql.raw("due_at is not null and deleted_at is null");
      await sql`create index tickets_running_updated on tickets (updated_at, id, due_at, ${scope}) where ${running}`.execute(
        db,
      );
      await sql`create index tickets_running_due on tickets (due_at, id, status_id, ${scope}) where ${running}`.execute(
        db,
      );
    },
  };
}
