import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { type Actor, hasPermission, type UserActor } from "../accounts/actor.ts";
import type { Database } from "../db/schema.ts";

export type TicketView = "all" | "mine" | "department";
export type TicketScope = (eb: ExpressionBuilder<Database, "tickets">) => Expression<SqlBool>;

/** Guests and visitors use the public request form; account holders need the permission. */
export function canSubmitTicket(actor: Actor): boolean {
  return actor.kind === "user" ? hasPermission(actor, "tickets.submit") : true;
}

const nothing: TicketScope = (eb) => eb.lit(false);
const everything: TicketScope = (eb) => eb.lit(true);

/** Tickets filed under an organization the user belongs to, or under a department of one. */
function departmentScope(actor: UserActor): TicketScope {
  return (eb) => {
    const memberships = eb
      .selectFrom("organization_members")
      .select("organization_members.organization_id")
      .where("organization_members.user_id", "=", actor.user.id);
    const reachable = eb
      .selectFrom("organizations")
      .select("organizations.id")
      .where((o) => o.or([o("organizations.id", "in", memberships), o("organizations.parent_id", "in", memberships)]));
    return eb("tickets.organization_id", "in", reachable);
  };
}

/**
 * An agent without the all-tickets permission works the tickets of the groups
 * they belong to, and whatever is assigned to them personally.
 */
function groupScope(actor: UserActor): TicketScope {
  return (eb) =>
    eb.or([
      eb(
        "tickets.group_id",
        "in",
        eb
          .selectFrom("group_members")
          .select("group_members.group_id")
          .where("group_members.user_id", "=", actor.user.id),
      ),
      eb("tickets.assignee_id", "=", actor.user.id),
    ]);
}

/**
 * Turns the actor into the where-clause that every ticket list and lookup goes
 * through. Deny by default: an actor that no rule covers matches nothing.
 */
export function ticketScope(actor: Actor, view: TicketView = "all"): TicketScope {
  if (actor.kind === "guest") return (eb) => eb("tickets.id", "=", actor.ticketId);
  if (actor.kind !== "user") return nothing;
  const email = actor.user.email;
  // Their own requests, and those they are copied on.
  const own: TicketScope = (eb) =>
    eb.or([
      eb("tickets.requester_id", "=", actor.user.id),
      eb.exists(
        eb
          .selectFrom("ticket_ccs")
          .select("ticket_ccs.ticket_id")
          .whereRef("ticket_ccs.ticket_id", "=", "tickets.id")
          .where("ticket_ccs.email", "=", email),
      ),
    ]);
  const department = hasPermission(actor, "tickets.view_department") ? departmentScope(actor) : nothing;
  switch (view) {
    case "mine":
      return own;
    case "department":
      return department;
    case "all":
      if (hasPermission(actor, "tickets.view_all")) return everything;
      if (hasPermission(actor, "tickets.work")) {
        const groups = groupScope(actor);
        return (eb) => eb.or([own(eb), department(eb), groups(eb)]);
      }
      return (eb) => eb.or([own(eb), department(eb)]);
  }
}

/** Agents who work tickets may write every kind; everyone else who can see the ticket writes public comments. */
export function canComment(actor: Actor, kind: "public" | "private" | "note"): boolean {
  if (hasPermission(actor, "tickets.work")) return true;
  return kind === "public" && actor.kind !== "anonymous";
}

/** Who reads internal entries (private comments, notes): agents, never customers or guests. */
export function seesInternal(actor: Actor): boolean {
  return hasPermission(actor, "tickets.work") || hasPermission(actor, "tickets.view_all");
}
