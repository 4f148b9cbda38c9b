/**
 * Targets not decided yet but already past due: missed whatever happens next. They depend on the time a report
 * is read, so the cube cannot hold them; the partial index of migration 0092 holds only open work.
 */
import { type Kysely, sql } from "kysely";
import type { ReportFilters } from "../../../common/reports.ts";
import type { Database } from "../../db/schema.ts";
import type { ReportScope } from "../policy.ts";
import { metricsWhere, unsolvedTerm } from "../queries.ts";

/**
 * The two "late though undecided" conditions over the period's metrics rows, one query each, both read from the
 * open-work index alone (migration 0092): a first reply not given yet, and a resolution of a ticket not finished.
 */
export function lateTargets(
  db: Kysely<Database>,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  now: string,
) {
  const base = db
    .selectFrom("ticket_metrics")
    .where("ticket_metrics.created_at", ">=", start)
    .where("ticket_metrics.created_at", "<", end)
    .where(metricsWhere(scope, filters, { groupsOutOfIndex: true }));
  return {
    fr: base
      .where(sql.ref("ticket_metrics.first_reply_breached"), "is", null)
      .where("ticket_metrics.first_reply_due_at", "<=", now)
      .where("ticket_metrics.first_reply_at", "is", null),
    res: base
      .where(sql.ref("ticket_metrics.resolution_breached"), "is", null)
      .where("ticket_metrics.resolution_due_at", "<=", now)
      .where(unsolvedTerm),
  };
}

/**
 * How many targets are late though undecided, over every policy (the overview's figure): a plain count, which
 * the partial index answers without the grouping the per-policy count needs (half the time at 1M on SQLite).
 */
export async function lateUndecidedCount(...args: Parameters<typeof lateTargets>): Promise<number> {
  const { fr, res } = lateTargets(...args);
  const counted = await Promise.all(
    [fr, res].map((q) => q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
  );
  return counted.reduce((sum, row) => sum + Number(row.n), 0);
}

/** Per service-level policy ('' for none or removed): how many first-reply and resolution targets are late. */
export async function lateUndecided(
  ...args: Parameters<typeof lateTargets>
): Promise<{ fr: Map<string, number>; res: Map<string, number> }> {
  const { fr, res } = lateTargets(...args);
  const [frRows, resRows] = await Promise.all(
    [fr, res].map((q) =>
      q
        .select((eb) => ["ticket_metrics.sla_policy_id", eb.fn.countAll<number>().as("n")])
        .groupBy("ticket_metrics.sla_policy_id")
        .execute(),
    ),
  );
  const byPolicy = (rows: { sla_policy_id: string | null; n: number }[] = []) =>
    new Map(rows.map((r) => [r.sla_policy_id ?? "", Number(r.n)]));
  return { fr: byPolicy(frRows), res: byPolicy(resRows) };
}
