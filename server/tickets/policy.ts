import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { type Actor, isStaff } from "../accounts/actor.ts";
import type { Database } from "../db/schema.ts";

/** Anyone may submit a request from the public form; per-service visibility narrows this with the catalog. */
export function canSubmitTicket(_actor: Actor): boolean {
  return true;
}

export function canListAllTickets(actor: Actor): boolean {
  return isStaff(actor);
}

export type TicketScope = (eb: ExpressionBuilder<Database, "tickets">) => Expression<SqlBool>;

/**
 * Turns the actor into the where-clause that every ticket list and lookup goes
 * through. Deny by default: an actor that no rule covers matches nothing.
 */
export function ticketScope(actor: Actor): TicketScope {
  if (isStaff(actor)) return (eb) => eb.lit(true);
  if (actor.kind === "user") return (eb) => eb("tickets.requester_id", "=", actor.user.id);
  return (eb) => eb.lit(false);
}
