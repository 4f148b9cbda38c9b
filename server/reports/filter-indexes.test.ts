import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { planOf } from "../test/plans.ts";

/**
 * "Unsolved now" and the undecided targets are counted from ticket_metrics for a report with one filter: from
 * the index alone (migration 0084), not an index entry and then its table row for each ticket.
 */
describeEachEngine("report counts with one filter", ({ db, engine }) => {
  const counts = {
    "unsolved now, one agent": sql`select count(*) from ticket_metrics
      where status_category in ('new', 'open', 'pending', 'on_hold') and assignee_id = ${"agent"}`,
    "undecided resolutions, one channel": sql`select count(*) from ticket_metrics
      where created_at >= ${"2026-01-01"} and created_at < ${"2027-01-01"} and channel = ${"email"}
        and resolution_breached is null and resolution_due_at <= ${"2026-06-01"}
        and status_category not in ('solved', 'closed', 'cancelled')`,
    "undecided first replies, one priority": sql`select count(*) from ticket_metrics
      where created_at >= ${"2026-01-01"} and created_at < ${"2027-01-01"} and priority = ${"high"}
        and first_reply_breached is null and first_reply_due_at <= ${"2026-06-01"} and first_reply_at is null`,
  };

  it("reads the index alone", async () => {
    for (const [name, query] of Object.entries(counts)) {
      const plan = await planOf(db(), engine, query.compile(db()));
      expect(plan, name).toContain(engine === "sqlite" ? "COVERING INDEX" : "Index Only Scan");
    }
  });
});
