import { type Kysely, sql } from "kysely";

/**
 * Indexes on the foreign keys of tables that grow with the help desk's use. Neither engine indexes a
 * referencing column by itself, so removing or checking a referenced row scanned the whole child table:
 * purging a ticket scanned every ticket (follow_up_of), every stored mail and every automation run;
 * deleting a user looked for their events in all of ticket_events. On SQLite, inserting tickets while
 * foreign keys are deferred also scanned tickets once per row (the bulk seed slowed down as it grew).
 * Sparse columns get partial indexes so they cost nothing for the rows that leave them empty.
 * server/db/foreign-key-indexes.test.ts fails for a new foreign key in such a table without one.
 */
const indexes: [name: string, table: string, column: string, sparse: boolean][] = [
  ["tickets_follow_up_of", "tickets", "follow_up_of", true],
  ["ticket_events_actor", "ticket_events", "actor_id", true],
  ["mail_messages_ticket", "mail_messages", "ticket_id", true],
  ["guest_sessions_ticket", "guest_sessions", "ticket_id", false],
  ["ticket_field_values_field", "ticket_field_values", "field_id", false],
  ["attachments_uploaded_by", "attachments", "uploaded_by_id", true],
  ["automation_runs_ticket", "automation_runs", "ticket_id", true],
  ["ticket_tasks_assignee", "ticket_tasks", "assignee_id", true],
  ["ticket_links_linked", "ticket_links", "linked_ticket_id", false],
  ["agent_ticket_reads_user", "agent_ticket_reads", "user_id", false],
  ["kb_articles_created_from", "kb_articles", "created_from_ticket_id", true],
  ["kb_revisions_author", "kb_revisions", "author_id", true],
  ["kb_images_uploaded_by", "kb_images", "uploaded_by", true],
  ["uploads_uploader", "uploads", "uploader_id", true],
  ["inbound_messages_duplicate_of", "inbound_messages", "duplicate_of", true],
  ["api_tokens_user", "api_tokens", "user_id", false],
];

export function foreignKeyIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const [name, table, column, sparse] of indexes) {
        const index = db.schema.createIndex(name).on(table).column(column);
        await (sparse ? index.where(sql.ref(column), "is not", null) : index).execute();
      }
    },
  };
}
