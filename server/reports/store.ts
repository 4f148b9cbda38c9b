/**
 * Reading and writing metrics rows and rollups, and replaying a ticket's
 * events into a fresh row (for the backfill, and for a ticket that had events
 * before metrics were recorded).
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import { parseTicketEvent } from "../../common/ticket-events.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database, TicketEventsTable } from "../db/schema.ts";
import type { BusinessCalendar } from "../sla/calendar.ts";
import { calendarFor } from "../sla/calendars.ts";
import { markCubeDirty } from "./cube/dirty.ts";
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

export async function loadTicketFacts(db: Db, ticketId: string): Promise<StoredTicketFacts | undefined> {
  return ticketFactsQuery(db).where("tickets.id", "=", ticketId).executeTakeFirst();
}

/** The next `limit` tickets after `after`, in id order (the backfill's pages). */
export async function loadTicketFactsPage(db: Db, after: string, limit: number): Promise<StoredTicketFacts[]> {
  return ticketFactsQuery(db).where("tickets.id", ">", after).orderBy("tickets.id").limit(limit).execute();
}

/** Lookups that ask the database at most once each per ticket (statuses are cached across tickets by `statuses`). */
export function lookupsFor(
  db: Db,
  ticket: { group_id: string | null; sla_policy_id: string | null },
  statuses: Map<string, StatusCategory> = new Map(),
  calendars?: Map<string, Promise<BusinessCalendar>>,
): Lookups {
  let calendar: Promise<BusinessCalendar> | undefined;
  // The backfill shares calendars across tickets: many tickets, a handful of (calendar, group) choices.
  const shared = `${ticket.sla_policy_id ?? ""}|${ticket.group_id ?? ""}`;
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
      calendar ??= policyCalendarId(db, ticket.sla_policy_id).then((calendarId) =>
        calendarFor(db, { calendarId, groupId: ticket.group_id }),
      );
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

export async function loadMetricsRow(db: Db, ticketId: string): Promise<MetricsRow | undefined> {
  return db.selectFrom("ticket_metrics").selectAll().where("ticket_id", "=", ticketId).executeTakeFirst();
}

/**
 * Inserts a new row, or writes the columns that differ from `stored` (the row as read, before the event): an
 * event changes two or three of its forty columns, and building and running an update of all forty was a
 * third of what recording metrics cost a ticket update.
 */
export async function saveMetricsRow(db: Db, row: MetricsRow, stored: MetricsRow | undefined): Promise<void> {
  const today = dayOf(row.updated_at);
  if (!stored) {
    await db.insertInto("ticket_metrics").values(row).execute();
    await markCubeDirty(db, [row.created_at, row.solved_at, row.satisfaction_rated_at], today);
    return;
  }
  const changed: Partial<MetricsRow> = {};
  for (const key of Object.keys(row) as (keyof MetricsRow)[]) {
    if (row[key] !== stored[key]) Object.assign(changed, { [key]: row[key] });
  }
  if (Object.keys(changed).length === 0) return;
  await db.updateTable("ticket_metrics").set(changed).where("ticket_id", "=", row.ticket_id).execute();
  // The days the row was counted on, before and after: the cube's figures for those days are stale now.
  await markCubeDirty(
    db,
    [row.created_at, stored.solved_at, row.solved_at, stored.satisfaction_rated_at, row.satisfaction_rated_at],
    today,
  );
}

/** Sums the deltas per hour and slice, then adds them to the stored counts (only the measures that move). */
export async function addToRollups(db: Db, deltas: readonly RollupDelta[]): Promise<void> {
  for (const row of hourSums(deltas).values()) {
    const moved = hourMeasures.filter((measure) => row[measure] !== 0);
    if (moved.length === 0) continue;
    await db
      .insertInto("report_hours")
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(["hour", "group_id"])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              moved.map((measure) => [measure, eb(`report_hours.${measure}`, "+", eb.ref(`excluded.${measure}`))]),
            ),
          ),
      )
      .execute();
  }
  for (const row of sumDeltas(deltas).values()) {
    const moved = rollupMeasures.filter((measure) => row[measure] !== 0);
    if (moved.length === 0) continue;
    await db
      .insertInto("report_rollups")
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(["hour", "group_id", "channel", "priority", "service_id"])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              moved.map((measure) => [measure, eb(`report_rollups.${measure}`, "+", eb.ref(`excluded.${measure}`))]),
            ),
          ),
      )
      .execute();
  }
}

export type RollupRow = Omit<RollupDelta, "measure" | "by"> & {
  created: number;
  solved: number;
  withdrawn: number;
  reopened: number;
  replies: number;
};

/** Deltas summed into rows, keyed by hour and slice; `into` lets the backfill sum across tickets. */
export function sumDeltas(
  deltas: readonly RollupDelta[],
  into: Map<string, RollupRow> = new Map(),
): Map<string, RollupRow> {
  for (const { measure, by, ...key } of deltas) {
    const id = `${key.hour}|${key.group_id}|${key.channel}|${key.priority}|${key.service_id}`;
    let row = into.get(id);
    if (!row) {
      row = { ...key, created: 0, solved: 0, withdrawn: 0, reopened: 0, replies: 0 };
      into.set(id, row);
    }
    row[measure] += by;
  }
  return into;
}

const hourMeasures = ["created", "solved", "withdrawn", "reopened"] as const;
export type HourRow = { hour: string; group_id: string } & Record<(typeof hourMeasures)[number], number>;

/** Deltas summed per hour and group (report_hours); `into` lets the backfill sum across tickets. */
export function hourSums(deltas: readonly RollupDelta[], into: Map<string, HourRow> = new Map()): Map<string, HourRow> {
  for (const { measure, by, hour, group_id } of deltas) {
    if (measure === "replies") continue;
    const id = `${hour}|${group_id}`;
    let row = into.get(id);
    if (!row) {
      row = { hour, group_id, created: 0, solved: 0, withdrawn: 0, reopened: 0 };
      into.set(id, row);
    }
    row[measure] += by;
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
  const ticket = await loadTicketFacts(db, ticketId);
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
