import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
import type { StatusCategory, TicketAbilities } from "../../common/tickets.ts";
import { isClosed, isFinished } from "../../common/tickets.ts";
import { toSessionUser } from "../accounts/queries.ts";
import { type Actor, hasPermission, isStaff, type UserActor } from "../core/actor.ts";
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
  return (eb) => eb("tickets.organization_id", "in", reachableOrganizations(eb, actor));
}

/** The organizations whose tickets a user with the department permission reads: theirs and their departments. */
function reachableOrganizations(eb: ExpressionBuilder<Database, "tickets">, actor: UserActor) {
  const memberships = eb
    .selectFrom("organization_members")
    .select("organization_members.organization_id")
    .where("organization_members.user_id", "=", actor.user.id);
  return eb
    .selectFrom("organizations")
    .select("organizations.id")
    .where((o) => o.or([o("organizations.id", "in", memberships), o("organizations.parent_id", "in", memberships)]));
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
  const reach = reachOf(actor, view);
  // A deleted ticket (waiting for restore or purge) is out of everyone's reach: lists, counts, lookups, writes.
  return (eb) => eb.and([eb("tickets.deleted_at", "is", null), reach(eb)]);
}

/** Live tickets only: deleted ones are in no list, count or lookup (admins reach them through `deletedTickets`). */
export const notDeleted: TicketScope = (eb) => eb("tickets.deleted_at", "is", null);

function reachOf(actor: Actor, view: TicketView): TicketScope {
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

/**
 * `ticketScope(actor)` for an agent, split the way the queue counts read it
 * (server/tickets/counts): the tickets they work come from the counters kept
 * per group and assignee, everything at once with the all-tickets permission;
 * what their scope adds beyond their work (their own requests, those they are
 * copied on, their department's) is counted from tickets, through indexes,
 * and is usually nothing.
 */
export type CountedScope =
  | { counters: "everything" }
  | { counters: "work"; userId: string; beyond: TicketScope }
  | { counters: "none"; beyond: TicketScope };

export function countedScope(actor: UserActor): CountedScope {
  if (hasPermission(actor, "tickets.view_all")) return { counters: "everything" };
  const userId = actor.user.id;
  // Own and copied tickets, and the department's, as one list of ids (each part walks its own index), the same
  // tickets as the `own` and `department` parts of ticketScope.
  const asCustomer: TicketScope = (eb) => {
    const own = eb
      .selectFrom("tickets as own")
      .select("own.id")
      .where("own.requester_id", "=", userId)
      .union(
        eb
          .selectFrom("ticket_ccs")
          .select("ticket_ccs.ticket_id as id")
          .where("ticket_ccs.email", "=", actor.user.email),
      );
    const ids = hasPermission(actor, "tickets.view_department")
      ? own.union(
          eb
            .selectFrom("tickets as colleagues")
            .select("colleagues.id")
            .where("colleagues.organization_id", "in", reachableOrganizations(eb, actor)),
        )
      : own;
    return eb("tickets.id", "in", ids);
  };
  if (!hasPermission(actor, "tickets.work"))
    return { counters: "none", beyond: (eb) => eb.and([notDeleted(eb), asCustomer(eb)]) };
  const notWorked: TicketScope = (eb) =>
    eb.and([
      eb.or([
        eb("tickets.group_id", "is", null),
        eb(
          "tickets.group_id",
          "not in",
          eb.selectFrom("group_members").select("group_members.group_id").where("group_members.user_id", "=", userId),
        ),
      ]),
      eb.or([eb("tickets.assignee_id", "is", null), eb("tickets.assignee_id", "<>", userId)]),
    ]);
  return { counters: "work", userId, beyond: (eb) => eb.and([notDeleted(eb), asCustomer(eb), notWorked(eb)]) };
}

/**
 * The ids of the tickets in a scope when there are at most `atMost`, else null: for a scope of a few lists of
 * ids (`countedScope`'s `beyond`) that PostgreSQL would otherwise test ticket by ticket over a large list.
 */
export async function idsInScope(db: Kysely<Database>, scope: TicketScope, atMost: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom("tickets")
    .select("tickets.id")
    .where(scope)
    .limit(atMost + 1)
    .execute();
  return rows.length > atMost ? null : rows.map((r) => r.id);
}

/**
 * Tickets whose number and subject the actor may be told about (a merge, a
 * link, a follow-up in the Feed): those in their scope, and for an
 * access-link guest also those their address is on, where they get the
 * mail anyway (a merge copies the duplicate's requester onto the other ticket).
 */
export function namedTicketsScope(actor: Actor): TicketScope {
  if (actor.kind !== "guest") return ticketScope(actor);
  const onTicket = addressScope(actor.email);
  return (eb) => eb.and([notDeleted(eb), eb.or([eb("tickets.id", "=", actor.ticketId), onTicket(eb)])]);
}

/** Tickets an address is on: as the requester's, or copied. */
function addressScope(email: string): TicketScope {
  return (eb) =>
    eb.or([
      eb("tickets.requester_email", "=", email),
      eb.exists(
        eb
          .selectFrom("ticket_ccs")
          .select("ticket_ccs.ticket_id")
          .whereRef("ticket_ccs.ticket_id", "=", "tickets.id")
          .where("ticket_ccs.email", "=", email),
      ),
    ]);
}

/**
 * Whether the person at an address may open a ticket, for mail that names it
 * without their asking (a merge tells the duplicate's requester where it
 * went). With a confirmed account: through `ticketScope`, with the roles the
 * account has now (none when it is disabled). Without one they follow
 * requests through access links, so: what `namedTicketsScope` tells a guest,
 * their address is the ticket's requester's or copied on it.
 */
export async function addressMayOpen(
  db: Kysely<Database> | Transaction<Database>,
  email: string,
  ticketId: string,
): Promise<boolean> {
  const account = await db
    .selectFrom("users")
    .select(["id", "email", "name", "licence", "disabled_at"])
    .where("email", "=", email)
    .where("email_confirmed_at", "is not", null)
    .executeTakeFirst();
  if (account?.disabled_at) return false;
  const scope = account
    ? ticketScope({ kind: "user", user: await toSessionUser(db, account), sessionId: null, csrfToken: null })
    : addressScope(email);
  const row = await db
    .selectFrom("tickets")
    .select("tickets.id")
    .where("tickets.id", "=", ticketId)
    .where(scope)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who reads internal entries (private comments, notes): agents, never customers or guests. */
export function seesInternal(actor: Actor): boolean {
  return hasPermission(actor, "tickets.work") || hasPermission(actor, "tickets.view_all");
}

/**
 * How the actor stands to one ticket they can see. Who may write what
 * follows from this and the actor's permissions (`refusal`), never from the
 * bare fact that someone is or is not an agent.
 */
export type TicketStanding = {
  /** The requester, signed in or through their access link. */
  requester: boolean;
  /** Copied on the ticket (signed in, or a guest whose link was sent to a CC). */
  copied: boolean;
  /** Sees it as a colleague's request (same organization or department). */
  colleague: boolean;
  /** An agent who works tickets and has this one in their work: every ticket, one of their groups, or assigned. */
  worker: boolean;
};

/** Every kind of write on a ticket, each with one rule below. */
export type TicketAction =
  | "reply"
  | "internal"
  | "edit"
  | "assign"
  | "changeStatus"
  | "solve"
  | "withdraw"
  | "followUp"
  | "addCc"
  | "removeCc"
  | "leaveCc"
  | "work"
  | "alerts"
  | "view";

/** Acting for a colleague (comment, solve, withdraw, copy people) takes its own permission, beyond reading. */
function actsForColleague(actor: Actor, standing: TicketStanding): boolean {
  return standing.colleague && hasPermission(actor, "tickets.act_department");
}

const byRequester = "the requester (or an agent working the ticket)";
const ruleText: Record<TicketAction, string> = {
  reply: "Only the requester, the people copied on it and agents working the ticket can comment on it.",
  internal: "Only agents working the ticket can write private comments and internal notes.",
  edit: "Only agents working the ticket can change it.",
  assign: "You may not assign tickets.",
  changeStatus: "Only agents working the ticket can change its status.",
  solve: `Only ${byRequester} can mark this request as solved.`,
  withdraw: `Only ${byRequester} can withdraw this request.`,
  followUp: `Only ${byRequester} can open a follow-up to this request.`,
  addCc: `Only ${byRequester} can copy people on this request.`,
  removeCc: `Only ${byRequester} can stop copying someone else; you can only remove yourself.`,
  leaveCc: "You are not copied on this request.",
  work: "Only agents working the ticket can do this.",
  alerts: "",
  view: "",
};

/**
 * Why the actor may not take this action on a ticket they can see, or null
 * when they may. The one place that decides writes on tickets: commands ask
 * it through `loadTicket(…, action)`, and the abilities sent with a ticket
 * are computed from it, so the web app offers exactly what the server allows.
 */
export function refusal(actor: Actor, standing: TicketStanding, action: TicketAction): string | null {
  const owner = standing.requester || standing.worker || actsForColleague(actor, standing);
  const allowed = ((): boolean => {
    switch (action) {
      case "view":
      case "alerts":
        return true;
      case "reply":
        return owner || standing.copied;
      case "internal":
      case "edit":
      case "changeStatus":
      case "work":
        return standing.worker;
      case "assign":
        return standing.worker && hasPermission(actor, "tickets.assign");
      case "solve":
      case "withdraw":
      case "followUp":
      case "addCc":
      case "removeCc":
        return owner;
      case "leaveCc":
        return standing.copied || owner;
    }
  })();
  if (allowed) return null;
  // Say the rule that applies to this person, not a generic one.
  if (isStaff(actor) && !hasPermission(actor, "tickets.work") && !standing.requester)
    return "Your role lets you view tickets, not change them.";
  if (standing.colleague && !standing.requester && !standing.copied && !standing.worker && action !== "internal")
    return "You can read your colleagues' requests, but only the requester can act on them.";
  return ruleText[action];
}

/** What the ticket's state allows, whoever asks (the commands answer "conflict" for these). */
export type TicketState = {
  category: StatusCategory;
  /** Solved, and a customer's reply still reopens it. */
  reopenWindowOpen: boolean;
  /** Closed, but its status lets the customer reopen it by replying. */
  reopensOnReply: boolean;
  /** The help desk has a status of the category: withdrawing needs a cancelled one, solving a solved one. */
  hasWithdrawnStatus: boolean;
  hasSolvedStatus: boolean;
};

/** Agents (who set any status) and customers (for whom a finished request is read-only) reply under different rules. */
function replyOpen(actor: Actor, standing: TicketStanding, state: TicketState): boolean {
  if (state.category === "cancelled") return false;
  if (standing.worker || isStaff(actor)) return state.category !== "closed";
  if (state.category === "closed") return state.reopensOnReply;
  if (state.category === "solved") return state.reopenWindowOpen;
  return true;
}

/** The per-ticket abilities sent with the ticket; the web app renders its buttons from these alone. */
export function ticketAbilities(actor: Actor, standing: TicketStanding, state: TicketState): TicketAbilities {
  const may = (action: TicketAction) => refusal(actor, standing, action) === null;
  const finished = isFinished(state.category);
  const open = !isClosed(state.category);
  const reply = may("reply") && replyOpen(actor, standing, state);
  return {
    reply,
    reopen: reply && !standing.worker && (state.category === "solved" || state.category === "closed"),
    note: may("internal") && open,
    edit: may("edit"),
    assign: may("assign"),
    changeStatus: may("changeStatus"),
    solve: may("solve") && !finished && state.hasSolvedStatus,
    withdraw: may("withdraw") && open && state.hasWithdrawnStatus,
    followUp:
      may("followUp") && (state.category === "closed" || (state.category === "solved" && !state.reopenWindowOpen)),
    addCc: may("addCc") && open,
    removeCc: may("removeCc"),
    leaveCc: standing.copied,
    work: may("work"),
    subscribe: may("alerts"),
  };
}

/** The ticket columns a standing is read from. */
export type StandingTicket = {
  id: string;
  requester_id: string | null;
  requester_email: string;
  group_id: string | null;
  assignee_id: string | null;
};

/** Reads how the actor stands to a ticket (one they can already see through `ticketScope`). */
export async function standingOn(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  ticket: StandingTicket,
): Promise<TicketStanding> {
  const none: TicketStanding = { requester: false, copied: false, colleague: false, worker: false };
  if (actor.kind === "anonymous" || actor.kind === "system") return none;
  const email = actor.kind === "user" ? actor.user.email : actor.email;
  const cc = await db
    .selectFrom("ticket_ccs")
    .select("email")
    .where("ticket_id", "=", ticket.id)
    .where("email", "=", email)
    .executeTakeFirst();
  const requester =
    actor.kind === "user"
      ? ticket.requester_id === actor.user.id || ticket.requester_email === email
      : ticket.requester_email === email;
  if (actor.kind === "guest") return { ...none, requester, copied: cc !== undefined };
  const [colleague, worker] = await Promise.all([
    hasPermission(actor, "tickets.view_department")
      ? db
          .selectFrom("tickets")
          .select("tickets.id")
          .where("tickets.id", "=", ticket.id)
          .where(departmentScope(actor))
          .executeTakeFirst()
          .then((row) => row !== undefined)
      : false,
    workerOn(db, actor, ticket),
  ]);
  return { requester, copied: cc !== undefined, colleague, worker };
}

async function workerOn(
  db: Kysely<Database> | Transaction<Database>,
  actor: UserActor,
  ticket: StandingTicket,
): Promise<boolean> {
  if (!hasPermission(actor, "tickets.work")) return false;
  if (hasPermission(actor, "tickets.view_all") || ticket.assignee_id === actor.user.id) return true;
  if (!ticket.group_id) return false;
  const member = await db
    .selectFrom("group_members")
    .select("user_id")
    .where("group_id", "=", ticket.group_id)
    .where("user_id", "=", actor.user.id)
    .executeTakeFirst();
  return member !== undefined;
}
