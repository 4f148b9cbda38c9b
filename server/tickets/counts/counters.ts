/**
 * Reads the ticket counters (`ticket_counts`, migration 0027): how many
 * tickets match a selection of statuses, priorities, groups and assignees,
 * summed over a few hundred counter rows instead of counted over tickets.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from "kysely";
import type { Priority, StatusCategory } from "../../../common/tickets.ts";
import type { Database } from "../../db/schema.ts";

/** What a count takes, each list narrowing it (null: no group, no assignee); an empty list matches nothing. */
export type CounterSelection = {
  categories?: readonly StatusCategory[];
  notCategories?: readonly StatusCategory[];
  statusIds?: readonly string[];
  priorities?: readonly Priority[];
  groups?: readonly (string | null)[];
  assignees?: readonly (string | null)[];
};

/** Whose tickets are summed: every ticket, or those of some groups and those assigned to one agent. */
export type CounterScope = "everything" | { groupIds: readonly string[]; userId: string };

type Counters = ExpressionBuilder<Database, "ticket_counts" | "statuses">;

function within(
  eb: Counters,
  column: "statuses.category" | "statuses.id" | "ticket_counts.priority",
  values: readonly string[],
) {
  return values.length ? eb(column, "in", [...values]) : eb.lit(false);
}

/** A key column holds '' where the ticket has no group or no assignee. */
function keyIn(
  eb: Counters,
  column: "ticket_counts.group_key" | "ticket_counts.assignee_key",
  values: readonly (string | null)[],
) {
  const keys = values.map((v) => v ?? "");
  return keys.length ? eb(column, "in", keys) : eb.lit(false);
}

function matches(eb: Counters, selection: CounterSelection): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (selection.categories) conditions.push(within(eb, "statuses.category", selection.categories));
  if (selection.notCategories?.length) conditions.push(eb("statuses.category", "not in", [...selection.notCategories]));
  if (selection.statusIds) conditions.push(within(eb, "statuses.id", selection.statusIds));
  if (selection.priorities) conditions.push(within(eb, "ticket_counts.priority", selection.priorities));
  if (selection.groups) conditions.push(keyIn(eb, "ticket_counts.group_key", selection.groups));
  if (selection.assignees) conditions.push(keyIn(eb, "ticket_counts.assignee_key", selection.assignees));
  return conditions.length ? eb.and(conditions) : eb.lit(true);
}

/** One number per selection, read in one statement: a sum per selection over the counter rows in scope. */
export async function sumCounters(
  db: Kysely<Database>,
  scope: CounterScope,
  selections: readonly CounterSelection[],
): Promise<number[]> {
  if (selections.length === 0) return [];
  const row = await db
    .selectFrom("ticket_counts")
    .innerJoin("statuses", "statuses.id", "ticket_counts.status_id")
    .where((eb) =>
      scope === "everything"
        ? eb.lit(true)
        : eb.or([
            keyIn(eb, "ticket_counts.group_key", scope.groupIds),
            eb("ticket_counts.assignee_key", "=", scope.userId),
          ]),
    )
    .select((eb) =>
      selections.map((selection, i) =>
        eb.fn
          .coalesce(
            eb.fn.sum<number>(
              eb.case().when(matches(eb, selection)).then(eb.ref("ticket_counts.tickets")).else(eb.lit(0)).end(),
            ),
            eb.lit(0),
          )
          .as(`c${i}`),
      ),
    )
    .executeTakeFirstOrThrow();
  const sums = row as Record<string, number | string | bigint>;
  return selections.map((_, i) => Number(sums[`c${i}`] ?? 0));
}
