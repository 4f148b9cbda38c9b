/** Queues and filters as where-clauses over tickets joined with their status. */

import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { type BuiltinQueue, type QueueFilters, recentlySolvedDays } from "../../../common/queues.ts";
import { finishedCategories } from "../../../common/tickets.ts";
import type { UserActor } from "../../core/actor.ts";
import { amongTicketIds, amongTicketNumbers, containsText, type Engine, engineOf } from "../../db/engine.ts";
import { type Audience, fewMatchingIds, fewMatchingNumbers, matchesText, type SearchTerm } from "../../db/full-text.ts";
import type { Database } from "../../db/schema.ts";
import type { CounterSelection } from "../counts/counters.ts";
import { seesInternal } from "../policy.ts";
import { searchConditions, type TicketCondition, taggedWith } from "../search/conditions.ts";
import { hasFilters, parseSearch } from "../search/query-syntax.ts";

export type { TicketCondition } from "../search/conditions.ts";

const finished = [...finishedCategories];

/**
 * The ticket's group is one of the agent's. A correlated EXISTS rather than IN
 * (subquery): the planner keeps walking the list's sort index and checks each
 * row, instead of collecting every ticket of the groups and sorting them.
 */
function inMyGroups(eb: ExpressionBuilder<Database, "tickets" | "statuses">, actor: UserActor) {
  return eb.exists(
    eb
      .selectFrom("group_members")
      .select("group_members.group_id")
      .where("group_members.user_id", "=", actor.user.id)
      .whereRef("group_members.group_id", "=", "tickets.group_id"),
  );
}

/**
 * My groups for the list, with the agent's groups read first. None: nothing to walk, where the EXISTS would have
 * checked every unfinished ticket in the list's order for one that is not there (0.26 s at 300,000 tickets on
 * SQLite for an admin in no group). One: an equality, so the walk goes down that group's own update-order index
 * (`tickets_group_updated`) instead of every ticket's. More: the EXISTS, as `queueCondition` has it (the list
 * reads each group's part of the page first, `listAgentTickets`).
 */
export function myGroupsCondition(actor: UserActor, groups: readonly string[]): TicketCondition {
  const [only] = groups;
  if (only === undefined) return () => sql<SqlBool>`1 = 0`;
  if (groups.length === 1) {
    return (eb) => eb.and([eb("tickets.group_id", "=", only), eb("statuses.category", "not in", finished)]);
  }
  return (eb) => eb.and([inMyGroups(eb, actor), eb("statuses.category", "not in", finished)]);
}

/** One of the agent's groups, for reading that group's part of a page down its own index. */
export const inGroup =
  (groupId: string): TicketCondition =>
  (eb) =>
    eb("tickets.group_id", "=", groupId);

/**
 * Recently solved for the list on PostgreSQL, with the ids of the solved and closed statuses read first: the same
 * tickets as `queueCondition`. Through the join on the status's category, the planner took solved-since and
 * updated-since as independent and expected 39 rows; at 10M tickets there were 112,883, and it sorted them all
 * (586 ms) instead of walking the update-order index (3 ms), which it does when the status ids are named.
 */
export function recentlySolvedAmong(statusIds: readonly string[], now: Date): TicketCondition {
  const since = new Date(now.getTime() - recentlySolvedDays * 24 * 60 * 60 * 1000).toISOString();
  return (eb) =>
    eb.and([
      statusIds.length ? eb("tickets.status_id", "in", [...statusIds]) : sql<SqlBool>`1 = 0`,
      eb("tickets.solved_at", ">=", since),
      eb("tickets.updated_at", ">=", since),
    ]);
}

/** What each built-in queue holds, for this agent. Always on top of the agent's ticket scope. */
export function queueCondition(queue: BuiltinQueue, actor: UserActor, now: Date): TicketCondition {
  switch (queue) {
    case "new":
      return (eb) => eb("statuses.category", "=", "new");
    case "unassigned":
      return (eb) => eb.and([eb("tickets.assignee_id", "is", null), eb("statuses.category", "not in", finished)]);
    case "mine":
      return (eb) =>
        eb.and([eb("tickets.assignee_id", "=", actor.user.id), eb("statuses.category", "not in", finished)]);
    case "my_groups":
      return (eb) => eb.and([inMyGroups(eb, actor), eb("statuses.category", "not in", finished)]);
    case "waiting":
      return (eb) => eb("statuses.category", "=", "pending");
    case "overdue": {
      // server/sla: due_at is the nearest target not yet met, null while paused or when nothing is left.
      const at = now.toISOString();
      return (eb) => eb.and([eb("tickets.due_at", "is not", null), eb("tickets.due_at", "<=", at)]);
    }
    case "recently_solved": {
      const since = new Date(now.getTime() - recentlySolvedDays * 24 * 60 * 60 * 1000).toISOString();
      // Solving sets solved_at and updated_at together (server/tickets/lifecycle.ts) and updated_at only moves
      // forward, so a ticket solved since then was updated since then too. Saying so lets the list walk its
      // update-order index over the last days only, instead of collecting and sorting every recent solve
      // (251 ms for a group agent at a million tickets).
      return (eb) =>
        eb.and([
          eb("statuses.category", "in", ["solved", "closed"]),
          eb("tickets.solved_at", ">=", since),
          eb("tickets.updated_at", ">=", since),
        ]);
    }
    case "all":
      return (eb) => eb.lit(true);
  }
}

/**
 * Overdue for the list in update order on SQLite, the same tickets as `queueCondition`.
 * SQLite has no statistics here (nothing runs ANALYZE), so it guesses that a range
 * on the due time is the smaller read and takes every overdue ticket through it,
 * then sorts them all (0.5–1.9 s with 100,000 overdue at a million tickets). The
 * unary `+` keeps it from using the due time as an index range, so it walks
 * `tickets_running_updated` (migration 0079) in the list's order and checks the
 * due time and the scope in the index. Other sorts and the count keep the range on
 * `tickets_running_due`: it is in order for "due", and the count stops at
 * `countCap`. PostgreSQL has statistics and chooses between the indexes itself.
 */
export function overdueInUpdateOrder(now: Date): TicketCondition {
  const at = now.toISOString();
  return (eb) => eb.and([eb("tickets.due_at", "is not", null), sql<SqlBool>`+tickets.due_at <= ${at}`]);
}

/**
 * The same queue as `queueCondition`, read from the ticket counters
 * (server/tickets/counts). Overdue and Recently solved depend on the time,
 * which no counter can hold: null, and they are counted from tickets.
 */
export function queueSelection(
  queue: BuiltinQueue,
  actor: UserActor,
  myGroups: readonly string[],
): CounterSelection | null {
  switch (queue) {
    case "new":
      return { categories: ["new"] };
    case "unassigned":
      return { assignees: [null], notCategories: finished };
    case "mine":
      return { assignees: [actor.user.id], notCategories: finished };
    case "my_groups":
      return { groups: myGroups, notCategories: finished };
    case "waiting":
      return { categories: ["pending"] };
    case "all":
      return {};
    case "overdue":
    case "recently_solved":
      return null;
  }
}

/**
 * A saved view's filters as a counter selection when every filter it sets is
 * one the counters are kept by (status, category, priority, group, assignee);
 * null when it sets any other (text, dates, type, service, organization).
 */
export function viewSelection(filters: QueueFilters, actor: UserActor): CounterSelection | null {
  const { statusId, statusCategory, priority, groupId, assigneeId, ...others } = filters;
  const set = (value: unknown) =>
    Array.isArray(value) ? value.length > 0 : typeof value === "string" && value.trim() !== "";
  if (Object.values(others).some(set)) return null;
  const selection: CounterSelection = {};
  if (statusId?.length) selection.statusIds = statusId;
  if (statusCategory?.length) selection.categories = statusCategory;
  if (priority?.length) selection.priorities = priority;
  if (groupId?.length) selection.groups = groupId.map((g) => (g === "none" ? null : g));
  if (assigneeId?.length)
    selection.assignees = assigneeId.map((a) => (a === "none" ? null : a === "me" ? actor.user.id : a));
  return selection;
}

const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const afterDay = (day: string) => new Date(Date.parse(startOfDay(day)) + 24 * 60 * 60 * 1000).toISOString();

/** A queue's search box: the global search's syntax, and a bare number is a ticket's. */
const queueSearch = (q: string) => parseSearch(/^\d{1,10}$/.test(q) ? `#${q}` : q);

/** At most this many tickets matching a list's words are read first (`listFilterConditions`). */
export const listedMatchesAtMost = 1000;

/**
 * `filterConditions` for one page of a list, with the words' matches read first when they are few: the list then
 * takes those tickets by id or number. With many, a walk in the list's order soon finds a page.
 */
export async function listFilterConditions(
  db: Kysely<Database>,
  filters: QueueFilters,
  actor: UserActor,
  atMost = listedMatchesAtMost,
): Promise<TicketCondition[]> {
  const engine = engineOf(db);
  const q = filters.q?.trim();
  if (!q) return filterConditions(filters, actor, engine);
  const { terms } = queueSearch(q);
  if (terms.length === 0) return filterConditions(filters, actor, engine);
  const audience = seesInternal(actor) ? "agent" : "customer";
  return filterConditions(filters, actor, engine, await listedMatches(db, terms, audience, atMost));
}

/**
 * The words' matches for a list, as its search condition.
 *
 * PostgreSQL: an uncommon word's matches by id (`fewMatchingIds`), or, for many, the plain condition (the planner
 * walks the list and tests each ticket).
 *
 * SQLite: up to `atMost` matches by number (`fewMatchingNumbers`). With more, the matches are listed once and the
 * list is walked in its order, each ticket looked up among them (`drive` off): started from the matches, SQLite
 * fetched and sorted every matching ticket before taking a page, 146–841 ms p50 for the "all" queue filtered by a
 * word in 66,000 to 760,000 of a million tickets (docs/benchmarks.md, session 20), 8–134 ms after. The walk is
 * only for many matches: over few or none it would read the whole list (1.2 s for a word in no ticket).
 */
async function listedMatches(
  db: Kysely<Database>,
  terms: SearchTerm[],
  audience: Audience,
  atMost: number,
): Promise<TicketCondition | undefined> {
  if (engineOf(db) === "postgres") {
    const ids = await fewMatchingIds(db, terms, audience, atMost);
    return ids ? amongTicketIds(ids) : undefined;
  }
  const numbers = await fewMatchingNumbers(db, terms, audience, atMost);
  return numbers ? amongTicketNumbers(numbers) : matchesText("sqlite", terms, audience, "any", false);
}

/** The filters an agent set (or saved in a view), each one narrowing the list further. */
export function filterConditions(
  filters: QueueFilters,
  actor: UserActor,
  engine: Engine,
  /** The words in `q` as a condition worked out first (`listFilterConditions`); else `matchesText`. */
  matches?: TicketCondition,
): TicketCondition[] {
  const conditions: TicketCondition[] = [];
  const add = (condition: TicketCondition) => conditions.push(condition);
  if (filters.statusId?.length) add((eb) => eb("tickets.status_id", "in", filters.statusId ?? []));
  if (filters.statusCategory?.length) add((eb) => eb("statuses.category", "in", filters.statusCategory ?? []));
  if (filters.priority?.length) add((eb) => eb("tickets.priority", "in", filters.priority ?? []));
  if (filters.typeId?.length) add((eb) => eb("tickets.ticket_type_id", "in", filters.typeId ?? []));
  if (filters.serviceId?.length) add((eb) => eb("tickets.service_id", "in", filters.serviceId ?? []));
  if (filters.organizationId?.length) add((eb) => eb("tickets.organization_id", "in", filters.organizationId ?? []));
  if (filters.groupId?.length) {
    const ids = filters.groupId.filter((g) => g !== "none");
    const none = filters.groupId.includes("none");
    add((eb) =>
      eb.or([
        ...(ids.length ? [eb("tickets.group_id", "in", ids)] : []),
        ...(none ? [eb("tickets.group_id", "is", null)] : []),
      ]),
    );
  }
  if (filters.assigneeId?.length) {
    const ids = filters.assigneeId.flatMap((a) => (a === "none" ? [] : [a === "me" ? actor.user.id : a]));
    const none = filters.assigneeId.includes("none");
    add((eb) =>
      eb.or([
        ...(ids.length ? [eb("tickets.assignee_id", "in", ids)] : []),
        ...(none ? [eb("tickets.assignee_id", "is", null)] : []),
      ]),
    );
  }
  const requester = filters.requester?.trim();
  if (requester) {
    add((eb) =>
      eb.or([
        containsText(eb.ref("tickets.requester_email"), requester),
        containsText(eb.ref("tickets.requester_name"), requester),
      ]),
    );
  }
  if (filters.createdFrom) add((eb) => eb("tickets.created_at", ">=", startOfDay(filters.createdFrom ?? "")));
  if (filters.createdTo) add((eb) => eb("tickets.created_at", "<", afterDay(filters.createdTo ?? "")));
  if (filters.updatedFrom) add((eb) => eb("tickets.updated_at", ">=", startOfDay(filters.updatedFrom ?? "")));
  if (filters.updatedTo) add((eb) => eb("tickets.updated_at", "<", afterDay(filters.updatedTo ?? "")));
  if (filters.tag?.length) add(taggedWith(filters.tag));
  const q = filters.q?.trim();
  if (q) {
    // The full-text index (server/tickets/search), with the same syntax as the global search; a bare number is a ticket's.
    const parsed = queueSearch(q);
    const audience = seesInternal(actor) ? "agent" : "customer";
    conditions.push(...searchConditions(parsed, engine, audience, matches));
    if (parsed.terms.length === 0 && !hasFilters(parsed)) add((eb) => eb.lit(false));
  }
  return conditions;
}
