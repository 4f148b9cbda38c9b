/**
 * Targets not decided yet but already past due: missed whatever happens next. They depend on the time a report
 * is read, so the cube cannot hold them; the partial indexes of migration 0078 hold only undecided targets.
 */
import { type Kysely, sql } from "kysely";
import type { ReportFilters } from "../../../common/reports.ts";
import { finishedCategories } from "../../../common/tickets.ts";
import type { Database } from "../../db/schema.ts";
import type { ReportScope } from "../policy.ts";
import { metricsWhere } from "../queries.ts";

/** How many first-reply and resolution targets are late though undecided, in all (the overview). */
export async function lateUndecidedCount(
  db: Kysely<Database>,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  now: string,
): Promise<number> {
  const base = () =>
    db
      .selectFrom("ticket_metrics")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ticket_metrics.created_at", ">=", start)
      .where("ticket_metrics.created_at", "<", end)
      .where(metricsWhere(scope, filters));
  const [fr, res] = await Promise.all([
    base()
      .where(sql.ref("ticket_metrics.first_reply_breached"), "is", null)
      .where("ticket_metrics.first_reply_due_at", "<=", now)
      .where("ticket_metrics.first_reply_at", "is", null)
      .executeTakeFirstOrThrow(),
    base()
      .where(sql.ref("ticket_metrics.resolution_breached"), "is", null)
      .where("ticket_metrics.resolution_due_at", "<=", now)
      .where("ticket_metrics.status_category", "not in", [...finishedCategories])
      .executeTakeFirstOrThrow(),
  ]);
  return Number(fr.n) + Number(res.n);
}

/** Per service-level policy ('' for none or removed): how many first-reply and resolution targets are late. */
export async function lateUndecided(
  db: Kysely<Database>,
  scope: ReportScope,
  filters: ReportFilters,
  start: string,
  end: string,
  now: string,
): Promise<{ fr: Map<string, number>; res: Map<string, number> }> {
  const base = () =>
    db
      .selectFrom("ticket_metrics")
      .select((eb) => ["ticket_metrics.sla_policy_id", eb.fn.countAll<number>().as("n")])
      .where("ticket_metrics.created_at", ">=", start)
      .where("ticket_metrics.created_at", "<", end)
      .where(metricsWhere(scope, filters))
      .groupBy("ticket_metrics.sla_policy_id");
  const [fr, res] = await Promise.all([
    base()
      .where(sql.ref("ticket_metrics.first_reply_breached"), "is", null)
      .where("ticket_metrics.first_reply_due_at", "<=", now)
      .where("ticket_metrics.first_reply_at", "is", null)
      .execute(),
    base()
      .where(sql.ref("ticket_metrics.resolution_breached"), "is", null)
      .where("ticket_metrics.resolution_due_at", "<=", now)
      .where("ticket_metrics.status_category", "not in", [...finishedCategories])
      .execute(),
  ]);
  const byPolicy = (rows: { sla_policy_id: string | null; n: number }[]) =>
    new Map(rows.map((r) => [r.sla_policy_id ?? "", Number(r.n)]));
  return { fr: byPolicy(fr), res: byPolicy(res) };
}
