import type { Kysely } from "kysely";
import { sql } from "kysely";

/**
 * A report with one filter (an agent, a priority, a channel, a service, an organization) reads its slice of
 * the cube, but two of its figures come from `ticket_metrics` directly: "unsolved now" and the targets not yet
 * decided. Their indexes held the group only, so for any other filter each matching index entry was checked
 * against its table row (0.3 s for "unsolved now" with one agent at a million tickets, 95,000 unsolved). The
 * same indexes now carry every report filter's column after their own, so those counts are read from the
 * index alone (10 ms). Their leading columns are unchanged, so every query that used them still can. Same
 * definitions on both engines.
 */
const filters = ["assignee_id", "priority", "channel", "service_id", "organization_id"] as const;

export function reportFilterIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      /** Drops an index and makes it again with the filters' columns after `columns`, partial where `undecided`. */
      const widen = async (name: string, columns: string[], undecided?: string) => {
        await sql`drop index ${sql.raw(name)}`.execute(db);
        await db.schema
          .createIndex(name)
          .on("ticket_metrics")
          .columns([...columns, ...filters])
          .$call((index) => (undecided ? index.where(sql.ref(undecided), "is", null) : index))
          .execute();
      };
      await widen("ticket_metrics_status", ["status_category", "group_id"]);
      await widen(
        "ticket_metrics_first_reply_undecided",
        ["created_at", "first_reply_due_at", "first_reply_at", "group_id", "sla_policy_id", "first_reply_breached"],
        "first_reply_breached",
      );
      await widen(
        "ticket_metrics_resolution_undecided",
        ["created_at", "resolution_due_at", "status_category", "group_id", "sla_policy_id", "resolution_breached"],
        "resolution_breached",
      );
    },
  };
}
