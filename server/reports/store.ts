/**
 * Reading and writing metrics rows and rollups, and replaying a ticket's
 * events into a fresh row (for the backfill, and for a ticket that had events
 * before metrics were recorded).
 */
import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from "kysely";
import { parseTicketEvent } from "../../common/ticket-events.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import { compiledByShape, compiledOnce } from "../db/compiled-once.ts";
import { decodeJson, engineOf } from "../db/engine.ts";
import { inLockOrder } from "../db/lock-order.ts";
import type { Database, TicketEventsTable } from "../db/schema.ts";
import type { BusinessCalendar } from "../sla/calendar.ts";
import { calendarFor } from "../sla/calendars.ts";
import { slicesOf } from "./cube/contributions.ts";
import { changedCubeDays, dirtyPeriods, markPeriodsDirty } from "./cube/dirty.ts";
import { dayOf } from "./cube/periods.ts";
import {
  applyEvent,
  changesMetrics,
  type Lookups,
  type MetricsRow,
  newMetricsRow,
  type RollupDelta,
  rollupMeasures,
  type TicketFacts,
} from "./metrics.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type StoredTicketFacts = TicketFacts & { status_id: string };

/**
 * The ticket columns metrics read. Its service level's calendar is looked up only when an event needs business
 * time (lookupsFor): joining sla_policies here made this read, done for every event, cost about three times
 * as much on SQLite.
 */
function ticketFactsQuery(db: Db) {
  return db
    .selectFrom("tickets")
    .select([
      "tickets.id",
      "tickets.created_at",
      "tickets.channel",
      "tickets.priority",
      "tickets.service_id",
      "tickets.ticket_type_id",
      "tickets.group_id",
      "tickets.assignee_id",
      "tickets.organization_id",
      "tickets.first_response_due_at",
      "tickets.resolution_due_at",
      "tickets.status_id",
      "tickets.sla_policy_id",
    ]);
}

/** The ticket as it stands, with its status's category and its service level's calendar (reactions.ts reads these). */
export type TicketNow = StoredTicketFacts & { category: StatusCategory; policyCalendarId: string | null };

/**
 * The ticket with its status's category and its policy's calendar, and its metrics row as stored (undefined
 * before its first metrics). The metrics reaction runs for nearly every ticket change: a statement each for the
 * ticket, the row, the status and the policy was most of what recording metrics cost an update. So the usual case,
 * a ticket with a row, is one statement, shaped for each engine:
 * - SQLite: the row, with the ticket's columns as subqueries. A join returning the row's forty columns took five
 *   times as long (70 against 13 µs).
 * - PostgreSQL: a join. It plans each statement it is sent, and planning the subqueries took 2.6–3.8 ms, the
 *   join 0.5–0.8 ms.
 */
const metricsBySubqueries = (db: Db, ticketId: string) =>
  db
    .selectFrom("ticket_metrics")
    .selectAll("ticket_metrics")
    .select((eb) => {
      const ticket = () => eb.selectFrom("tickets").whereRef("tickets.id", "=", "ticket_metrics.ticket_id");
      return [
        ticket().select("tickets.created_at").as("t_created_at"),
        ticket().select("tickets.channel").as("t_channel"),
        ticket().select("tickets.priority").as("t_priority"),
        ticket().select("tickets.service_id").as("t_service_id"),
        ticket().select("tickets.ticket_type_id").as("t_ticket_type_id"),
        ticket().select("tickets.group_id").as("t_group_id"),
        ticket().select("tickets.assignee_id").as("t_assignee_id"),
        ticket().select("tickets.organization_id").as("t_organization_id"),
        ticket().select("tickets.first_response_due_at").as("t_first_response_due_at"),
        ticket().select("tickets.resolution_due_at").as("t_resolution_due_at"),
        ticket().select("tickets.status_id").as("t_status_id"),
        ticket().select("tickets.sla_policy_id").as("t_sla_policy_id"),
        eb
          .selectFrom("statuses")
          .select("statuses.category")
          .where("statuses.id", "=", ticket().select("tickets.status_id"))
          .as("t_category"),
        eb
          .selectFrom("sla_policies")
          .select("sla_policies.calendar_id")
          .where("sla_policies.id", "=", ticket().select("tickets.sla_policy_id"))
          .as("t_policy_calendar_id"),
      ];
    })
    .where("ticket_metrics.ticket_id", "=", ticketId);

const metricsByJoin = (db: Db, ticketId: string) =>
  db
    .selectFrom("ticket_metrics")
    .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .leftJoin("sla_policies", "sla_policies.id", "tickets.sla_policy_id")
    .selectAll("ticket_metrics")
    .select([
      "tickets.created_at as t_created_at",
      "tickets.channel as t_channel",
      "tickets.priority as t_priority",
      "tickets.service_id as t_service_id",
      "tickets.ticket_type_id as t_ticket_type_id",
      "tickets.group_id as t_group_id",
      "tickets.assignee_id as t_assignee_id",
      "tickets.organization_id as t_organization_id",
      "tickets.first_response_due_at as t_first_response_due_at",
      "tickets.resolution_due_at as t_resolution_due_at",
      "tickets.status_id as t_status_id",
      "tickets.sla_policy_id as t_sla_policy_id",
      "statuses.category as t_category",
      "sla_policies.calendar_id as t_policy_calendar_id",
    ])
    .where("ticket_metrics.ticket_id", "=", ticketId);

const metricsNowQuery = compiledOnce(1, (db, ticketId) =>
  engineOf(db) === "postgres"
    ? // The same columns under the same names; the join's are typed more narrowly (a ticket always has them).
      (metricsByJoin(db, ticketId) as unknown as ReturnType<typeof metricsBySubqueries>)
    : metricsBySubqueries(db, ticketId),
);

/** A ticket without a metrics row yet (its "created" event, or one from before metrics were recorded). */
const ticketBySubqueries = (db: Db, ticketId: string) =>
  ticketFactsQuery(db)
    .select((eb) => [
      eb.selectFrom("statuses").select("category").whereRef("statuses.id", "=", "tickets.status_id").as("category"),
      eb
        .selectFrom("sla_policies")
        .select("calendar_id")
        .whereRef("sla_policies.id", "=", "tickets.sla_policy_id")
        .as("policy_calendar_id"),
    ])
    .where("tickets.id", "=", ticketId);

const ticketByJoin = (db: Db, ticketId: string) =>
  ticketFactsQuery(db)
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .leftJoin("sla_policies", "sla_policies.id", "tickets.sla_policy_id")
    .select(["statuses.category as category", "sla_policies.calendar_id as policy_calendar_id"])
    .where("tickets.id", "=", ticketId);

/** Shaped per engine as metricsNowQuery is (PostgreSQL planned the subqueries in 1.2–1.8 ms, the join in 0.6). */
const ticketNowQuery = compiledOnce(1, (db, ticketId) =>
  engineOf(db) === "postgres"
    ? (ticketByJoin(db, ticketId) as unknown as ReturnType<typeof ticketBySubqueries>)
    : ticketBySubqueries(db, ticketId),
);

export async function loadTicketNow(
  db: Db,
  ticketId: string,
): Promise<{ ticket: TicketNow; stored: MetricsRow | undefined } | undefined> {
  const [withRow] = await metricsNowQuery(db, ticketId);
  if (withRow) {
    const {
      t_created_at,
      t_channel,
      t_priority,
      t_service_id,
      t_ticket_type_id,
      t_group_id,
      t_assignee_id,
      t_organization_id,
      t_first_response_due_at,
      t_resolution_due_at,
      t_status_id,
      t_sla_policy_id,
      t_category,
      t_policy_calendar_id,
      ...stored
    } = withRow;
    // The row's ticket exists (a foreign key), and so does its status: both forms of the read find them.
    const ticket: TicketNow = {
      id: stored.ticket_id,
      created_at: t_created_at as string,
      channel: t_channel as TicketNow["channel"],
      priority: t_priority as TicketNow["priority"],
      service_id: t_service_id,
      ticket_type_id: t_ticket_type_id,
      group_id: t_group_id,
      assignee_id: t_assignee_id,
      organization_id: t_organization_id,
      first_response_due_at: t_first_response_due_at,
      resolution_due_at: t_resolution_due_at,
      status_id: t_status_id as string,
      sla_policy_id: t_sla_policy_id,
      category: t_category as StatusCategory,
      policyCalendarId: t_policy_calendar_id,
    };
    return { ticket, stored };
  }
  const ticket = await loadNewTicket(db, ticketId);
  return ticket ? { ticket, stored: undefined } : undefined;
}

/** The ticket as loadTicketNow gives it, for one that has no metrics row yet (its "created" event, or a replay). */
export async function loadNewTicket(db: Db, ticketId: string): Promise<TicketNow | undefined> {
  const [found] = await ticketNowQuery(db, ticketId);
  if (!found) return undefined;
  const { category, policy_calendar_id, ...facts } = found;
  return { ...facts, category: category as StatusCategory, policyCalendarId: policy_calendar_id };
}

/** The next `limit` tickets after `after`, in id order (the backfill's pages). */
export async function loadTicketFactsPage(db: Db, after: string, limit: number): Promise<StoredTicketFacts[]> {
  return ticketFactsQuery(db).where("tickets.id", ">", after).orderBy("tickets.id").limit(limit).execute();
}

/**
 * Lookups that ask the database at most once each per ticket (statuses are cached across tickets by `statuses`).
 * `policyCalendarId`, when the caller has read it, saves looking the policy up; the calendar itself is kept for the
 * rest of a transaction by calendarFor, so the clock's reaction and this one read it once between them.
 */
export function lookupsFor(
  db: Db,
  ticket: { group_id: string | null; sla_policy_id: string | null; policyCalendarId?: string | null },
  statuses: Map<string, StatusCategory> = new Map(),
  calendars?: Map<string, Promise<BusinessCalendar>>,
): Lookups {
  let calendar: Promise<BusinessCalendar> | undefined;
  // The backfill shares calendars across tickets: many tickets, a handful of (calendar, group) choices.
  const shared = `${ticket.sla_policy_id ?? ""}|${ticket.group_id ?? ""}`;
  const calendarId = async () =>
    ticket.policyCalendarId !== undefined ? ticket.policyCalendarId : policyCalendarId(db, ticket.sla_policy_id);
  return {
    categoryOf: async (statusId) => {
      const known = statuses.get(statusId);
      if (known) return known;
      const row = await db
        .selectFrom("statuses")
        .select("category")
        .where("id", "=", statusId)
        .executeTakeFirstOrThrow();
      statuses.set(statusId, row.category);
      return row.category;
    },
    calendar: () => {
      calendar ??= calendars?.get(shared);
      calendar ??= calendarId().then((id) => calendarFor(db, { calendarId: id, groupId: ticket.group_id }));
      calendars?.set(shared, calendar);
      return calendar;
    },
  };
}

/** The calendar the ticket's service level counts in, if it names one. */
async function policyCalendarId(db: Db, policyId: string | null): Promise<string | null> {
  if (!policyId) return null;
  const policy = await db
    .selectFrom("sla_policies")
    .select("calendar_id")
    .where("id", "=", policyId)
    .executeTakeFirst();
  return policy?.calendar_id ?? null;
}

/**
 * A ticket's metrics written after an event: its row (inserted when `stored` is undefined, the columns that
 * differ from `stored` otherwise), the cube's earlier days the change makes stale, and what `deltas` add to the
 * hours and rollups. A new row is not inserted when the ticket has one already, nor are its counts added: a
 * trigger on a new ticket records an event of its own, whose reaction runs inside the "created" one's and works
 * the row out from every event, that "created" included.
 *
 * On PostgreSQL this is one statement (metricsWriteStatement); SQLite runs in this process, where a statement
 * costs no round trip, and keeps the plain ones.
 */
export async function saveMetrics(
  db: Db,
  row: MetricsRow,
  stored: MetricsRow | undefined,
  deltas: readonly RollupDelta[],
): Promise<void> {
  // An event changes two or three of the row's forty columns: building and running an update of all forty was
  // a third of what recording metrics cost a ticket update (SQLite).
  const changed = stored ? (Object.keys(row) as (keyof MetricsRow)[]).filter((key) => row[key] !== stored[key]) : [];
  const today = dayOf(row.updated_at);
  // The earlier days whose cube this change alters are stale now.
  const periods = stored && changed.length === 0 ? [] : dirtyPeriods(changedCubeDays(stored, row, today), today);
  const hours = hourRowsOf(deltas);
  const rollups = rollupRowsOf(deltas);
  if (engineOf(db) !== "postgres") {
    if (!stored) {
      const columns = Object.keys(row) as (keyof MetricsRow)[];
      const inserted = await sqliteMetricsInsert(
        db,
        columns.join(","),
        columns.map((key) => row[key]),
      );
      if (inserted.length === 0) return;
    } else if (changed.length > 0) {
      await metricsUpdate(db, changed.join(","), [...changed.map((key) => row[key]), row.ticket_id]);
    }
    await markPeriodsDirty(db, periods);
    await addToCounts(db, hours, rollups);
    return;
  }
  if (stored && changed.length === 0 && hours.length === 0 && rollups.length === 0) return;
  const columns = stored ? changed : (Object.keys(row) as (keyof MetricsRow)[]);
  const kind = stored ? (changed.length === 0 ? "" : "update") : "insert";
  const parts = `${periods.length > 0 ? "p" : ""}${hours.length > 0 ? "h" : ""}${rollups.length > 0 ? "r" : ""}`;
  await metricsWriteStatement(db, `${kind}:${columns.join(",")}:${parts}`, [
    ...columns.map((key) => row[key]),
    ...(kind === "update" ? [row.ticket_id] : []),
    ...(periods.length > 0 ? [periods.map((p) => p.grain), periods.map((p) => p.period)] : []),
    ...(hours.length > 0 ? [...hourKey, ...hourMeasures].map((column) => hours.map((h) => h[column])) : []),
    ...(rollups.length > 0 ? [...rollupKey, ...rollupMeasures].map((column) => rollups.map((r) => r[column])) : []),
  ]);
}

/** `update ticket_metrics set <the changed columns> where ticket_id = ?`, compiled once per set of columns. */
const metricsUpdate = compiledByShape((db, key, placeholders) => {
  const columns = key.split(",") as (keyof MetricsRow)[];
  const query = db
    .updateTable("ticket_metrics")
    .set(Object.fromEntries(columns.map((column, i) => [column, placeholders[i]])) as Partial<MetricsRow>)
    .where("ticket_id", "=", placeholders[columns.length] ?? "");
  return { query, values: columns.length + 1 };
});

const hourKey = ["hour", "group_id", "slice"] as const;
const rollupKey = ["hour", "group_id", "channel", "priority", "service_id"] as const;

/**
 * PostgreSQL: saveMetrics' writes in one statement. Each statement costs a round trip and a bind and execute in
 * a backend: the row's write, the hours' upsert and the rollups' upserts (one a row) were 2.7 statements an
 * update and 3 a creation, most of what recording metrics added to them (bench:update, bench:create).
 *
 * The shape is `<kind>:<columns>:<parts>`: the row's insert or update of those columns (or "" when only counts
 * move), then which of the stale periods (p), hours (h) and rollups (r) there are. A part with no rows is left
 * out, not run empty: each part opens its table and indexes whether or not it writes. Rows are passed as arrays,
 * so the text does not depend on how many there are. After an insert, each part writes only if the row was
 * inserted (`exists`: an insert that found a row writes nothing).
 *
 * The main query reads the parts' counts left to right, which runs them in that order, as the plain statements
 * run: shared counters are locked in one order by every writer, so concurrent changes cannot deadlock on them
 * (a part nobody read would run at the statement's end).
 */
const metricsWriteStatement = compiledByShape((db, shape, p) => {
  const [kind = "", list = "", parts = ""] = shape.split(":");
  const columns = list === "" ? [] : list.split(",");
  let next = 0;
  const value = () => p[next++] ?? "";
  const array = (type: "text" | "timestamptz" | "integer") => sql`${value()}::${sql.raw(type)}[]`;
  const refs = (names: readonly string[]) => sql.join(names.map((name) => sql.ref(name)));
  const adds = (table: string, measures: readonly string[]) =>
    sql.join(measures.map((m) => sql`${sql.ref(m)} = ${sql.ref(`${table}.${m}`)} + excluded.${sql.ref(m)}`));
  const ctes: [string, RawBuilder<unknown>][] = [];
  if (kind === "insert") {
    const values = columns.map(() => value());
    ctes.push([
      "metrics",
      sql`insert into ticket_metrics (${refs(columns)}) values (${sql.join(values)})
        on conflict (ticket_id) do nothing returning 1`,
    ]);
  } else if (kind === "update") {
    const sets = columns.map((column) => sql`${sql.ref(column)} = ${value()}`);
    ctes.push(["metrics", sql`update ticket_metrics set ${sql.join(sets)} where ticket_id = ${value()} returning 1`]);
  }
  const written = kind === "insert" ? sql`where exists (select 1 from metrics)` : sql``;
  if (parts.includes("p")) {
    ctes.push([
      "periods",
      sql`insert into report_periods (grain, period, state)
        select grain, period, 'dirty' from unnest(${array("text")}, ${array("text")}) as p(grain, period) ${written}
        on conflict (grain, period) do update set state = 'dirty' returning 1`,
    ]);
  }
  if (parts.includes("h")) {
    const arrays = [array("timestamptz"), array("text"), array("text"), ...hourMeasures.map(() => array("integer"))];
    ctes.push([
      "hours",
      sql`insert into report_hours (${refs([...hourKey, ...hourMeasures])})
        select * from unnest(${sql.join(arrays)}) ${written}
        on conflict (${refs(hourKey)}) do update set ${adds("report_hours", hourMeasures)} returning 1`,
    ]);
  }
  if (parts.includes("r")) {
    const arrays = [
      array("timestamptz"),
      ...rollupKey.slice(1).map(() => array("text")),
      ...rollupMeasures.map(() => array("integer")),
    ];
    ctes.push([
      "rollups",
      sql`insert into report_rollups (${refs([...rollupKey, ...rollupMeasures])})
        select * from unnest(${sql.join(arrays)}) ${written}
        on conflict (${refs(rollupKey)}) do update set ${adds("report_rollups", rollupMeasures)} returning 1`,
    ]);
  }
  const query = sql`with ${sql.join(ctes.map(([name, part]) => sql`${sql.id(name)} as (${part})`))}
    select ${sql.join(ctes.map(([name]) => sql`(select count(*) from ${sql.id(name)}) as ${sql.id(name)}`))}`;
  return { query: { compile: () => query.compile(db) }, values: next };
});

/** The hours' rows a change adds to (every slice of every hour its deltas touch), in lock order, none all zero. */
function hourRowsOf(deltas: readonly RollupDelta[]): HourRow[] {
  return inLockOrder(hourSums(deltas)).filter((row) => hourMeasures.some((measure) => row[measure] !== 0));
}

/** The rollups' rows a change adds to, in lock order, none all zero. */
function rollupRowsOf(deltas: readonly RollupDelta[]): RollupRow[] {
  return inLockOrder(sumDeltas(deltas)).filter((row) => rollupMeasures.some((measure) => row[measure] !== 0));
}

/** Deltas added to the hours and rollups in plain statements (SQLite, and tests of the order they lock in). */
export async function addToRollups(db: Db, deltas: readonly RollupDelta[]): Promise<void> {
  await addToCounts(db, hourRowsOf(deltas), rollupRowsOf(deltas));
}

/**
 * report_hours' rows in one statement (so its slices add no statements to a ticket change), report_rollups' one
 * statement a row, with only the measures that move. Each shape is built and compiled by Kysely once: building
 * these upserts for every ticket creation took about 0.2 ms of its CPU on SQLite (a CPU profile of
 * `bench:create` at 16 connections).
 */
async function addToCounts(db: Db, hours: readonly HourRow[], rollups: readonly RollupRow[]): Promise<void> {
  if (hours.length > 0) {
    const columns = [...hourKey, ...hourMeasures];
    await hoursUpsert(
      db,
      String(hours.length),
      hours.flatMap((hour) => columns.map((column) => hour[column])),
    );
  }
  for (const row of rollups) {
    const moved = rollupMeasures.filter((measure) => row[measure] !== 0);
    const columns = [...rollupKey, ...moved];
    await rollupUpsert(
      db,
      moved.join(","),
      columns.map((column) => row[column]),
    );
  }
}

/** The row of a ticket without one (shape: its columns), answering the row's key only if it was inserted. */
const sqliteMetricsInsert = compiledByShape((db, shape, p) => {
  const columns = shape.split(",") as (keyof MetricsRow)[];
  const row = Object.fromEntries(columns.map((column, i) => [column, p[i]])) as unknown as MetricsRow;
  return {
    query: db
      .insertInto("ticket_metrics")
      .values(row)
      .onConflict((oc) => oc.column("ticket_id").doNothing())
      .returning("ticket_id"),
    values: columns.length,
  };
});

/** `shape` rows added to report_hours, each a row of its key and measures. */
const hoursUpsert = compiledByShape((db, shape, p) => {
  const columns = [...hourKey, ...hourMeasures];
  const rows = Array.from(
    { length: Number(shape) },
    (_, r) => Object.fromEntries(columns.map((column, i) => [column, p[r * columns.length + i]])) as unknown as HourRow,
  );
  return {
    query: db
      .insertInto("report_hours")
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns([...hourKey])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              hourMeasures.map((measure) => [
                measure,
                eb(`report_hours.${measure}`, "+", eb.ref(`excluded.${measure}`)),
              ]),
            ),
          ),
      ),
    values: rows.length * columns.length,
  };
});

/** One report_rollups row added to, with the measures of `shape` (comma-separated) only. */
const rollupUpsert = compiledByShape((db, shape, p) => {
  const moved = shape.split(",") as (typeof rollupMeasures)[number][];
  const columns = [...rollupKey, ...moved];
  const row = Object.fromEntries(columns.map((column, i) => [column, p[i]])) as unknown as RollupRow;
  return {
    query: db
      .insertInto("report_rollups")
      .values(row)
      .onConflict((oc) =>
        oc
          .columns([...rollupKey])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              moved.map((measure) => [measure, eb(`report_rollups.${measure}`, "+", eb.ref(`excluded.${measure}`))]),
            ),
          ),
      ),
    values: columns.length,
  };
});

export type RollupRow = Pick<RollupDelta, "hour" | "group_id" | "channel" | "priority" | "service_id"> & {
  created: number;
  solved: number;
  withdrawn: number;
  reopened: number;
};

/** Deltas summed into rows, keyed by hour and slice; `into` lets the backfill sum across tickets. */
export function sumDeltas(
  deltas: readonly RollupDelta[],
  into: Map<string, RollupRow> = new Map(),
): Map<string, RollupRow> {
  for (const { measure, by, hour, group_id, channel, priority, service_id } of deltas) {
    const id = `${hour}|${group_id}|${channel}|${priority}|${service_id}`;
    let row = into.get(id);
    if (!row) {
      row = { hour, group_id, channel, priority, service_id, created: 0, solved: 0, withdrawn: 0, reopened: 0 };
      into.set(id, row);
    }
    row[measure] += by;
  }
  return into;
}

const hourMeasures = ["created", "solved", "withdrawn", "reopened"] as const;
export type HourRow = { hour: string; group_id: string; slice: string } & Record<(typeof hourMeasures)[number], number>;

/**
 * Deltas summed per hour, group and slice (report_hours: every ticket's, and each report filter's the ticket
 * falls in); `into` lets the backfill sum across tickets.
 */
export function hourSums(deltas: readonly RollupDelta[], into: Map<string, HourRow> = new Map()): Map<string, HourRow> {
  for (const delta of deltas) {
    const { measure, by, hour, group_id } = delta;
    for (const { slice } of slicesOf(delta)) {
      const id = `${hour}|${group_id}|${slice}`;
      let row = into.get(id);
      if (!row) {
        row = { hour, group_id, slice, created: 0, solved: 0, withdrawn: 0, reopened: 0 };
        into.set(id, row);
      }
      row[measure] += by;
    }
  }
  return into;
}

/** A ticket's events as stored, oldest first. */
export type StoredEvent = Pick<Selectable<TicketEventsTable>, "type" | "payload" | "visibility" | "created_at">;

/**
 * A ticket's row worked out from all its events, in order, and the rollup
 * counts they add. Undefined for a ticket without a "created" event.
 */
export async function replayTicket(
  db: Db,
  ticketId: string,
  statuses: Map<string, StatusCategory> = new Map(),
): Promise<{ row: MetricsRow; deltas: RollupDelta[] } | undefined> {
  const ticket = await loadNewTicket(db, ticketId);
  if (!ticket) return undefined;
  const stored = await db
    .selectFrom("ticket_events")
    .select(["type", "payload", "visibility", "created_at"])
    .where("ticket_id", "=", ticketId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return replayEvents(ticket, stored, lookupsFor(db, ticket, statuses));
}

/** The replay itself, on events already read (oldest first): the backfill reads a page of tickets' at once. */
export async function replayEvents(
  ticket: StoredTicketFacts,
  stored: readonly StoredEvent[],
  lookups: Lookups,
): Promise<{ row: MetricsRow; deltas: RollupDelta[] } | undefined> {
  const events = stored.flatMap((e) => {
    const parsed = parseTicketEvent(e.type, decodeJson(e.payload));
    return parsed && changesMetrics(parsed.type) ? [{ ...parsed, at: e.created_at, visibility: e.visibility }] : [];
  });
  const created = events.find((e) => e.type === "created");
  if (!created) return undefined;
  // It came in with the status its first change moved it from; with no change, the one it has.
  const firstMove = events.find((e) => e.type === "status_changed");
  const initial = firstMove?.type === "status_changed" ? firstMove.payload.from : ticket.status_id;
  const row = newMetricsRow(ticket, await lookups.categoryOf(initial), created.at);
  // Who had it first is only known when nobody changed it since; otherwise the changes count the stations.
  if (events.some((e) => e.type === "edited" && e.payload.assigneeId)) row.assignee_stations = 0;
  if (events.some((e) => (e.type === "edited" || e.type === "automation_applied") && e.payload.groupId))
    row.group_stations = 0;
  const deltas: RollupDelta[] = [];
  for (const event of events) deltas.push(...(await applyEvent(row, event, ticket, lookups)));
  return { row, deltas };
}
