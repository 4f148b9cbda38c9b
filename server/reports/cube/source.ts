/** Reading the metrics rows the cube is made of. */
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { CubeSourceRow } from "./contributions.ts";

type Db = Kysely<Database> | Transaction<Database>;
export type Span = { start: string; end: string };
type Where = (eb: ExpressionBuilder<Database, "ticket_metrics">) => Expression<SqlBool>;

const dateColumns = ["created_at", "solved_at", "satisfaction_rated_at"] as const;

/**
 * Every metrics row with any of its dates in any of the spans (each row once), narrowed by `where`. One query
 * per date column, so each can walk that column's index.
 */
export async function sourceRows(db: Db, spans: readonly Span[], where?: Where): Promise<CubeSourceRow[]> {
  if (spans.length === 0) return [];
  const rows = new Map<string, CubeSourceRow>();
  for (const column of dateColumns) {
    const found = await db
      .selectFrom("ticket_metrics")
      .selectAll("ticket_metrics")
      .where((eb) =>
        eb.or(
          spans.map((s) =>
            eb.and([eb(`ticket_metrics.${column}`, ">=", s.start), eb(`ticket_metrics.${column}`, "<", s.end)]),
          ),
        ),
      )
      .$if(where !== undefined, (q) => q.where((eb) => (where as Where)(eb as never)))
      .execute();
    for (const row of found) rows.set(row.ticket_id, row);
  }
  return [...rows.values()];
}

/** Whether an instant falls in one of the spans. */
export const inSpans =
  (spans: readonly Span[]) =>
  (at: string): boolean =>
    spans.some((s) => at >= s.start && at < s.end);
