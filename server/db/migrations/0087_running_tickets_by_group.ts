import { type Kysely, sql } from "kysely";

/**
 * A group agent's Overdue count and list walked every overdue ticket in due order (`tickets_running_due`) and
 * skipped those of other groups: 100,000 overdue tickets at a million, none of them theirs, took 325–390 ms,
 * mostly reading rows. With their scope read first as plain conditions (server/tickets/queues/queries.ts
 * `readScope`: their groups, tickets assigned to them, a list of ids), these two indexes let PostgreSQL take each
 * part by its own range and combine them (a bitmap OR), reading only the overdue tickets in their scope.
 * Running tickets only, as the other two (migration 0079); same definitions on both engines.
 */
export function runningTicketsByGroup() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const running = sql.raw("due_at is not null and deleted_at is null");
      await sql`create index tickets_running_group_due on tickets (group_id, due_at) where ${running}`.execute(db);
      await sql`create index tickets_running_assignee_due on tickets (assignee_id, due_at) where ${running}`.execute(
        db,
      );
    },
  };
}
