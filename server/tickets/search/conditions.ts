/** A parsed search as where-clauses over tickets and their status, for the search page and the queues alike. */
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { sql } from "kysely";
import { containsText, type Engine } from "../../db/engine.ts";
import { type Audience, matchesText } from "../../db/full-text.ts";
import type { Database } from "../../db/schema.ts";
import type { ParsedSearch } from "./query-syntax.ts";

type Eb = ExpressionBuilder<Database, "tickets" | "statuses">;

/** A where-clause over a ticket joined with its status: what queues, views and searches are made of. */
export type TicketCondition = (eb: Eb) => Expression<SqlBool>;

/** The filters typed into the search (#1234, an email, priority:, status:, field:), each narrowing further. */
export function searchFilterConditions(parsed: ParsedSearch, audience: Audience): TicketCondition[] {
  const conditions: TicketCondition[] = [];
  const { number, requesterEmail, priority, status } = parsed;
  if (number !== null) conditions.push((eb) => eb("tickets.number", "=", number));
  if (requesterEmail !== null) conditions.push((eb) => eb("tickets.requester_email", "=", requesterEmail));
  if (priority !== null) conditions.push((eb) => eb("tickets.priority", "=", priority));
  if (status !== null) {
    conditions.push((eb) => eb.or([eb("statuses.key", "=", status), eb(sql<string>`statuses.category`, "=", status)]));
  }
  // Tags are for agents: a customer filtering by them would learn which of their tickets carry which.
  if (parsed.tags.length) conditions.push(audience === "agent" ? taggedWith(parsed.tags) : (eb) => eb.lit(false));
  for (const field of parsed.fields) {
    conditions.push((eb: Eb) =>
      eb.exists(
        eb
          .selectFrom("ticket_field_values")
          .innerJoin("ticket_fields", "ticket_fields.id", "ticket_field_values.field_id")
          .select("ticket_field_values.field_id")
          .whereRef("ticket_field_values.ticket_id", "=", "tickets.id")
          .where("ticket_fields.key", "=", field.key)
          // A customer cannot filter on a field they may not see: that would tell its value.
          .$if(audience === "customer", (q) => q.where("ticket_fields.customer_access", "<>", "none"))
          .where(containsText(sql<string>`cast(ticket_field_values.value as text)`, field.value)),
      ),
    );
  }
  return conditions;
}

/** Tickets that carry every one of these tags (through the ticket_tags (tag, ticket_id) index). */
export function taggedWith(tags: readonly string[]): TicketCondition {
  return (eb: Eb) =>
    eb.and(
      [...new Set(tags)].map((tag) =>
        eb.exists(
          eb
            .selectFrom("ticket_tags")
            .select("ticket_tags.ticket_id")
            .whereRef("ticket_tags.ticket_id", "=", "tickets.id")
            .where("ticket_tags.tag", "=", tag),
        ),
      ),
    );
}

/**
 * The words of the search as a condition (for a list sorted by something other than relevance); `matches`, when
 * given, is the words' condition as a list worked it out first (server/tickets/queues/filters.ts `listedMatches`).
 */
export function searchConditions(
  parsed: ParsedSearch,
  engine: Engine,
  audience: Audience,
  matches?: TicketCondition,
): TicketCondition[] {
  const conditions = searchFilterConditions(parsed, audience);
  if (parsed.terms.length > 0) conditions.push(matches ?? matchesText(engine, parsed.terms, audience));
  return conditions;
}
