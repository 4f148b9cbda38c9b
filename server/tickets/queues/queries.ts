import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from "kysely";
import {
  type AgentTicketListQuery,
  type AgentTicketPage,
  builtinQueues,
  countCap,
  type QueueFilters,
  type QueueOverview,
  queueFiltersSchema,
  queueLabels,
  type SavedView,
} from "../../../common/queues.ts";
import type { StatusCategory } from "../../../common/tickets.ts";
import type { UserActor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { amongTicketIdsOn, decodeJson, engineOf, ticketsAmong } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { type CounterScope, type CounterSelection, sumCounters } from "../counts/counters.ts";
import { countedScope, idsInScope, notDeleted, type TicketScope, ticketScope } from "../policy.ts";
import { summaryQuery, toSummary } from "../queries.ts";
import {
  filterConditions,
  inGroup,
  listFilterConditions,
  myGroupsCondition,
  overdueInUpdateOrder,
  queueCondition,
  queueSelection,
  recentlySolvedAmong,
  type TicketCondition,
  viewSelection,
} from "./filters.ts";

type CursorValue = string | number;

function encode(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decode(raw: string): [CursorValue, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") {
      if (typeof value[0] === "string" || typeof value[0] === "number") return [value[0], value[1]];
    }
  } catch {
    // Opaque cursor: any damage means the same thing, reported below.
  }
  throw new AppError("validation_failed", "The page cursor is not valid; start again from the first page.", {
    cursor: "This cursor is not valid.",
  });
}

/** Urgent sorts above high, not after it alphabetically: a generated, indexed column (migration 0025). */
const priorityRank = sql<number>`tickets.priority_rank`;

function sortExpression(
  sort: AgentTicketListQuery["sort"],
  queue: AgentTicketListQuery["queue"],
): RawBuilder<CursorValue> {
  switch (sort) {
    case "created":
      return sql<string>`tickets.created_at`;
    case "number":
      return sql<number>`tickets.number`;
    case "priority":
      return priorityRank;
    case "subject":
      return sql<string>`tickets.subject`;
    case "due":
      // Every overdue ticket has a due time: the plain column is the same order, and `tickets_due` walks it.
      if (queue === "overdue") return sql<string>`tickets.due_at`;
      // Tickets without a running target sort after every due time (with "soonest first").
      return sql<string>`coalesce(tickets.due_at, '9999-12-31T00:00:00.000Z')`;
    default:
      return sql<string>`tickets.updated_at`;
  }
}

function baseQuery(db: Kysely<Database>, scope: TicketScope, conditions: TicketCondition[]) {
  return db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .where(scope)
    .$if(conditions.length > 0, (q) => q.where((eb) => eb.and(conditions.map((c) => c(eb)))));
}

/**
 * One page of a queue, filtered and sorted by any column, keyset-paginated on
 * (sort value, id) so page 50 costs what page 1 does.
 */
export async function listAgentTickets(
  db: Kysely<Database>,
  actor: UserActor,
  query: AgentTicketListQuery,
  now: Date,
): Promise<AgentTicketPage> {
  const { queue, sort, direction, cursor, limit, ...filters } = query;
  const engine = engineOf(db);
  const groups = queue === "my_groups" ? await groupsOf(db, actor) : [];
  const inQueue =
    queue === "overdue" && sort === "updated" && engine === "sqlite"
      ? overdueInUpdateOrder(now)
      : queue === "my_groups"
        ? myGroupsCondition(actor, groups)
        : queue === "recently_solved" && engine === "postgres"
          ? recentlySolvedAmong(await statusIdsIn(db, ["solved", "closed"]), now)
          : queueCondition(queue, actor, now);
  const filtered = await listFilterConditions(db, filters, actor);
  const conditions = [inQueue, ...filtered];
  const key = sortExpression(sort, queue);
  const read = await readScope(db, actor);
  /** The page's order from the cursor on, as the list and each group's part of it read it. */
  const inOrder = <Q extends SelectQueryBuilder<Database, "tickets" | "statuses", object>>(q: Q): Q => {
    let ordered = q
      .orderBy(key, direction)
      .orderBy("tickets.id", direction)
      .limit(limit + 1) as Q;
    if (cursor) {
      const [value, id] = decode(cursor);
      ordered = ordered.where(
        direction === "desc"
          ? sql<boolean>`(${key}, tickets.id) < (${value}, ${id})`
          : sql<boolean>`(${key}, tickets.id) > (${value}, ${id})`,
      ) as Q;
    }
    return ordered;
  };
  const parts = await pageParts(db, actor, query, groups, read);
  // What the page is read from: the queue's conditions, or the tickets its parts' first pages hold.
  let onPage = conditions;
  if (parts) {
    // The page is among each part's own first page, each read down its own index (a group's, the assignee's, a
    // few ids): a walk of the list's order checks every ticket for the scope, or for My groups, and took a
    // quarter of a second at 300,000 tickets for an agent whose groups are small (SQLite). Those tickets already
    // meet the conditions, so the page is read by id alone: with the conditions again, SQLite took an index of
    // one of them (every unassigned ticket, 20–40 ms) over the few ids.
    const lists = parts.ids.length ? [...parts.lists, amongTicketIdsOn(engine, parts.ids)] : parts.lists;
    const firsts = await Promise.all(
      lists.map((part) => inOrder(baseQuery(db, notDeleted, [...conditions, part]).select("tickets.id")).execute()),
    );
    onPage = [
      amongTicketIdsOn(
        engine,
        firsts.flat().map((r) => r.id),
      ),
    ];
  }
  if (queue === "overdue" && read.plain) {
    // A group agent's overdue tickets, read first through the indexes by group and assignee (migration 0087) when
    // they are few: walking every overdue ticket in the list's order, for few or none of theirs, took 0.3–0.5 s
    // on PostgreSQL and 10–50 ms on SQLite at a million tickets. They meet every condition, so the page is read by
    // id alone, as `pageParts` reads its parts' pages. They are read by the queue's own condition: the update
    // order's (`overdueInUpdateOrder`) keeps SQLite off the due time's indexes, which are the ones wanted here
    // (with it, this read walked every ticket: 1.8 s).
    const overdue = await baseQuery(db, read.plain, [queueCondition(queue, actor, now), ...filtered])
      .select("tickets.id")
      .limit(overdueAtMost + 1)
      .execute();
    // None: the page is empty, with nothing more to read.
    if (overdue.length === 0) return { tickets: [], nextCursor: null };
    if (overdue.length <= overdueAtMost) {
      onPage = [
        amongTicketIdsOn(
          engine,
          overdue.map((r) => r.id),
        ),
      ];
    }
  }
  const q = summaryQuery(db, read.all)
    .where((eb) => eb.and(onPage.map((c) => c(eb))))
    .leftJoin("users as assignees", "assignees.id", "tickets.assignee_id")
    .leftJoin("groups", "groups.id", "tickets.group_id")
    .leftJoin("ticket_types", "ticket_types.id", "tickets.ticket_type_id")
    .select([
      "assignees.id as assignee_id",
      "assignees.name as assignee_name",
      "groups.id as group_id",
      "groups.name as group_name",
      "ticket_types.id as type_id",
      "ticket_types.name as type_name",
      "tickets.customer_replied_at",
    ])
    .select((eb) =>
      eb
        .selectFrom("agent_ticket_reads")
        .select("agent_ticket_reads.read_at")
        .whereRef("agent_ticket_reads.ticket_id", "=", "tickets.id")
        .where("agent_ticket_reads.user_id", "=", actor.user.id)
        .as("read_at"),
    )
    .select(key.as("sort_value"));
  const rows = await inOrder(q).execute();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    tickets: page.map((r) => ({
      ...toSummary(r, now.toISOString()),
      assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
      group: r.group_id && r.group_name ? { id: r.group_id, name: r.group_name } : null,
      ticketType: r.type_id && r.type_name ? { id: r.type_id, name: r.type_name } : null,
      newReply: r.customer_replied_at !== null && (r.read_at === null || r.read_at < r.customer_replied_at),
    })),
    nextCursor: hasMore && last ? encode(last.sort_value, last.id) : null,
  };
}

/**
 * How many tickets in the scope match, counted from tickets up to `countCap`
 * and one more (`more` above it). Only for what the counters cannot hold
 * (Overdue, Recently solved, views filtered by text, dates or type) and for
 * the small part of a group agent's scope outside their work.
 */
async function countWhere(
  db: Kysely<Database>,
  scope: TicketScope,
  conditions: TicketCondition[],
): Promise<{ count: number; more: boolean }> {
  const matching = baseQuery(db, scope, conditions)
    .select("tickets.id")
    .limit(countCap + 1);
  const row = await db
    .selectFrom(matching.as("matching"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { count: Math.min(n, countCap), more: n > countCap };
}

function readFilters(raw: unknown): QueueFilters {
  const parsed = queueFiltersSchema.safeParse(decodeJson(raw));
  // A view saved by an older version that no longer parses shows everything rather than failing the sidebar.
  return parsed.success ? parsed.data : {};
}

/** An agent in up to this many groups has their lists read part by part (`pageParts`); more, as one walk. */
const groupsReadApart = 8;

/**
 * The parts a page is read from, each down an index of its own, when the agent's tickets are the union of a few
 * small lists: My groups is their groups (two or more: with none or one the queue's own condition is already
 * that), and every other queue of a group agent is their groups, the tickets assigned to them and the few beyond
 * their work (own requests, copied, their department's) read as ids. In orders other than the update order only
 * while every part is small (below). Null: one walk in the list's order, for an agent who sees every ticket, in
 * many groups, or with many tickets beyond their work. Overdue and Mine have their own ways.
 */
async function pageParts(
  db: Kysely<Database>,
  actor: UserActor,
  { queue, sort }: Pick<AgentTicketListQuery, "queue" | "sort">,
  myGroups: readonly string[],
  read: ReadScope,
): Promise<{ lists: TicketCondition[]; ids: string[] } | null> {
  if (queue === "overdue" || queue === "mine") return null;
  let groups: readonly string[];
  let assignee: string | null = null;
  let ids: string[] = [];
  if (queue === "my_groups") {
    if (myGroups.length < 2 || myGroups.length > groupsReadApart) return null;
    groups = myGroups;
  } else {
    if (!read.work || read.work.groups.length > groupsReadApart) return null;
    groups = read.work.groups;
    assignee = actor.user.id;
    // Read as one more part when there are any (an empty list of ids made SQLite walk the queue's own index
    // instead: 25 ms at 300,000 tickets).
    ids = read.work.beyondIds;
  }
  const byAssignee: TicketCondition[] = assignee === null ? [] : [(eb) => eb("tickets.assignee_id", "=", assignee)];
  const parts = { lists: [...groups.map(inGroup), ...byAssignee], ids };
  if (sort === "updated") return parts;
  // In any other order a part is sorted whole (no index of a group or an assignee holds that order), so only
  // small parts are read apart; with a large one, the walk in the list's order meets its tickets soon enough.
  // How large each is comes from the queue counters, without reading a ticket.
  const byGroup = groups.length
    ? await db
        .selectFrom("ticket_counts")
        .select((eb) => eb.fn.sum<number | string>("tickets").as("n"))
        .where("group_key", "in", [...groups])
        .groupBy("group_key")
        .execute()
    : [];
  const byAssigneeCount =
    assignee === null
      ? []
      : await db
          .selectFrom("ticket_counts")
          .select((eb) => eb.fn.sum<number | string>("tickets").as("n"))
          .where("assignee_key", "=", assignee)
          .execute();
  const largest = Math.max(0, ...[...byGroup, ...byAssigneeCount].map((r) => Number(r.n ?? 0)));
  return largest <= partAtMost ? parts : null;
}

/** In orders other than the update order, a part of a list larger than this is not read apart (`pageParts`). */
const partAtMost = 5000;

/** At most this many of a group agent's overdue tickets are read by id before their list (`listAgentTickets`). */
const overdueAtMost = 1000;

/** At most this many tickets beyond a group agent's work are read by id (`readScope`). */
const beyondAtMost = 1000;

type ReadScope = {
  /** The actor's whole scope, the same tickets as `ticketScope(actor)`. */
  all: TicketScope;
  /**
   * The same tickets as `all`, as conditions on the ticket's own columns (a group agent's, when `work` is read):
   * for counts and for reading a few ids first. On PostgreSQL it is `all`; SQLite keeps `all` as it is for a
   * page, where the plain form made it walk the list through the group's index, checking each ticket's order
   * (a group agent's Overdue by update and All by priority took 1.8–2.2 s at a million tickets, session 22).
   */
  plain: TicketScope | null;
  /** The part beyond their work (`countedScope`), as ids; null when not read. */
  beyond: TicketScope | null;
  /**
   * A group agent's scope as lists, when at most `beyondAtMost` tickets lie beyond their work: their groups and
   * those tickets' ids (usually none). Null for anyone else.
   */
  work: { groups: readonly string[]; beyondIds: string[] } | null;
};

/**
 * For a group agent, their scope with its lists read first: their groups, and the tickets beyond their work (own
 * requests, those they are copied on, their organization's) when at most `beyondAtMost`, as ids. The same tickets
 * as `ticketScope`, now conditions on the ticket's own columns, which both engines test inside an index (SQLite
 * takes one index per part, "multi-index OR"). Through the scope's subqueries they ran them ticket by ticket:
 * on PostgreSQL the sidebar's count of the part beyond their work took 0.1–1.9 s per queue and their Overdue
 * count 325 ms (docs/benchmarks.md, session 18); on SQLite the sidebar's Overdue and Recently solved counts took
 * 30–40 ms each at a million tickets, walking every overdue or recently updated ticket of other groups (0.1 ms
 * now; session 22). Anyone else, or more tickets beyond: the scope as it is.
 */
async function readScope(db: Kysely<Database>, actor: UserActor, myGroups?: readonly string[]): Promise<ReadScope> {
  const counted = countedScope(actor);
  const asIs = { all: ticketScope(actor), plain: null, beyond: null, work: null };
  if (counted.counters !== "work") return asIs;
  const ids = await idsInScope(db, counted.beyond, beyondAtMost);
  if (!ids) return asIs;
  const groups = myGroups ?? (await groupsOf(db, actor));
  const work = { groups, beyondIds: ids };
  const engine = engineOf(db);
  const beyond = amongTicketIdsOn(engine, ids);
  const plain: TicketScope = (eb) =>
    eb.and([
      eb("tickets.deleted_at", "is", null),
      eb.or([
        // SQLite: the groups as a list of values (a handful), which it can search an index by, one after another.
        engine === "postgres" ? ticketsAmong("tickets.group_id", groups)() : eb("tickets.group_id", "in", groups),
        eb("tickets.assignee_id", "=", counted.userId),
        beyond(),
      ]),
    ]);
  return { all: engine === "postgres" ? plain : asIs.all, plain, beyond, work };
}

/** The ids of the statuses in these categories (a handful of rows). */
async function statusIdsIn(db: Kysely<Database>, categories: StatusCategory[]): Promise<string[]> {
  const rows = await db.selectFrom("statuses").select("id").where("category", "in", categories).execute();
  return rows.map((r) => r.id);
}

/** The agent's groups, for the counters and `readScope`. */
async function groupsOf(db: Kysely<Database>, actor: UserActor): Promise<string[]> {
  const rows = await db.selectFrom("group_members").select("group_id").where("user_id", "=", actor.user.id).execute();
  return rows.map((m) => m.group_id);
}

type Counted = { count: number; more: boolean };
type Countable = { selection: CounterSelection | null; conditions: TicketCondition[] };

/**
 * Counts for the sidebar: what the counters hold is summed from them in one
 * statement, exact and uncapped, plus (for an agent who sees more than their
 * work) a capped count of the rest; the rest is counted from tickets, capped.
 */
async function countAll(
  db: Kysely<Database>,
  actor: UserActor,
  myGroups: readonly string[],
  countables: Countable[],
): Promise<Counted[]> {
  const scoped = countedScope(actor);
  const counterScope: CounterScope | null =
    scoped.counters === "everything"
      ? "everything"
      : scoped.counters === "work"
        ? { groupIds: myGroups, userId: scoped.userId }
        : null;
  const fromCounters = countables.flatMap((c) => (c.selection && counterScope ? [c.selection] : []));
  const sums = counterScope ? await sumCounters(db, counterScope, fromCounters) : [];
  const read = await readScope(db, actor, myGroups);
  let next = 0;
  return Promise.all(
    countables.map(async ({ selection, conditions }): Promise<Counted> => {
      if (!selection || !counterScope) return countWhere(db, read.plain ?? read.all, conditions);
      const counted = sums[next++] ?? 0;
      // Nothing beyond their work (usually): the counters hold their whole scope.
      if (scoped.counters === "everything" || read.work?.beyondIds.length === 0) return { count: counted, more: false };
      const rest = await countWhere(db, read.beyond ?? scoped.beyond, conditions);
      return { count: counted + rest.count, more: rest.more };
    }),
  );
}

/** The sidebar: every built-in queue and the agent's saved views, each with how many tickets it holds. */
export async function queueOverview(db: Kysely<Database>, actor: UserActor, now: Date): Promise<QueueOverview> {
  const views = await db
    .selectFrom("saved_views")
    .select(["id", "name", "filters"])
    .where("owner_id", "=", actor.user.id)
    .orderBy("name")
    .execute();
  const myGroups = await groupsOf(db, actor);
  const viewFilters = views.map((v) => readFilters(v.filters));
  const counts = await countAll(db, actor, myGroups, [
    ...builtinQueues.map((key) => ({
      selection: queueSelection(key, actor, myGroups),
      conditions: [queueCondition(key, actor, now)],
    })),
    ...viewFilters.map((filters) => ({
      selection: viewSelection(filters, actor),
      conditions: filterConditions(filters, actor, engineOf(db)),
    })),
  ]);
  const none: Counted = { count: 0, more: false };
  return {
    queues: builtinQueues.map((key, i) => ({ key, label: queueLabels[key], ...(counts[i] ?? none) })),
    views: views.map(
      (v, i): SavedView => ({
        id: v.id,
        name: v.name,
        filters: viewFilters[i] ?? {},
        ...(counts[builtinQueues.length + i] ?? none),
      }),
    ),
  };
}
