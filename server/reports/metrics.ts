/**
 * How one ticket event changes a ticket's metrics row. The same steps serve
 * the live reaction (one event, in its transaction) and the backfill (every
 * event of a ticket, replayed in order), so both give the same figures.
 * docs/reports.md defines each figure.
 */
import type { Selectable } from "kysely";
import type { TicketEvent } from "../../common/ticket-events.ts";
import { isFinished, type StatusCategory } from "../../common/tickets.ts";
import type { TicketMetricsTable } from "../db/schema.ts";
import { type BusinessCalendar, businessMinutesBetween } from "../sla/calendar.ts";

export type MetricsRow = Selectable<TicketMetricsTable>;

/** The ticket as it stands now: what reports slice by, and the targets its service level set. */
export type TicketFacts = {
  id: string;
  created_at: string;
  channel: MetricsRow["channel"];
  priority: MetricsRow["priority"];
  service_id: string | null;
  ticket_type_id: string | null;
  group_id: string | null;
  assignee_id: string | null;
  organization_id: string | null;
  sla_policy_id: string | null;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
};

/** What the steps look up: a status's category and the ticket's business calendar (both cached by the caller). */
export type Lookups = {
  categoryOf: (statusId: string) => Promise<StatusCategory>;
  calendar: () => Promise<BusinessCalendar>;
};

export const rollupMeasures = ["created", "solved", "withdrawn", "reopened"] as const;
export type RollupMeasure = (typeof rollupMeasures)[number];
/** One count to add to an hour's rollup, in the ticket's slice. */
export type RollupDelta = {
  hour: string;
  group_id: string;
  channel: string;
  priority: string;
  service_id: string;
  /** Not in report_rollups' key: report_hours' slices only. */
  assignee_id: string | null;
  organization_id: string | null;
  measure: RollupMeasure;
  /** +1, or -1 to take a count back out of the slice the ticket left. */
  by: number;
};

/** An event as the steps read it. */
export type MetricsEvent = TicketEvent & { at: string; visibility: "public" | "internal" };

const HOUR = 3_600_000;
const MINUTE = 60_000;

export function hourOf(at: string): string {
  return new Date(Math.floor(new Date(at).getTime() / HOUR) * HOUR).toISOString();
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, new Date(to).getTime() - new Date(from).getTime()) / MINUTE;
}

/** Time to spare before a target (negative: how late), in calendar and business minutes. */
function margin(cal: BusinessCalendar, at: string, due: string): { calendar: number; business: number } {
  const calendar = (new Date(due).getTime() - new Date(at).getTime()) / MINUTE;
  const business =
    at <= due
      ? businessMinutesBetween(cal, new Date(at), new Date(due))
      : -businessMinutesBetween(cal, new Date(due), new Date(at));
  return { calendar, business };
}

/** Slicing columns from the ticket as it stands. */
function slice(ticket: TicketFacts) {
  return {
    channel: ticket.channel,
    priority: ticket.priority,
    service_id: ticket.service_id,
    ticket_type_id: ticket.ticket_type_id,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    organization_id: ticket.organization_id,
    sla_policy_id: ticket.sla_policy_id,
    first_reply_due_at: ticket.first_response_due_at,
    resolution_due_at: ticket.resolution_due_at,
  };
}

/** A fresh row for a ticket that has just come in, in the status it came in with. */
export function newMetricsRow(ticket: TicketFacts, category: StatusCategory, at: string): MetricsRow {
  return {
    ticket_id: ticket.id,
    created_at: ticket.created_at,
    ...slice(ticket),
    status_category: category,
    status_since: at,
    first_reply_at: null,
    solved_at: null,
    replies: 0,
    agent_touches: 0,
    reopens: 0,
    // The group and agent it starts with are its first stations.
    assignee_stations: ticket.assignee_id ? 1 : 0,
    group_stations: ticket.group_id ? 1 : 0,
    first_reply_breached: null,
    resolution_breached: null,
    satisfaction_rating: null,
    satisfaction_comment: null,
    satisfaction_reason: null,
    satisfaction_rated_at: null,
    updated_at: at,
    first_reply_minutes: null,
    first_reply_business_minutes: null,
    full_resolution_minutes: null,
    full_resolution_business_minutes: null,
    first_reply_sla_margin_minutes: null,
    first_reply_sla_margin_business_minutes: null,
    resolution_sla_margin_minutes: null,
    resolution_sla_margin_business_minutes: null,
    requester_wait_minutes: 0,
    requester_wait_business_minutes: 0,
    agent_wait_minutes: 0,
    agent_wait_business_minutes: 0,
    on_hold_minutes: 0,
    on_hold_business_minutes: 0,
  };
}

/** The events that change a metric; every other type leaves the row as it is. */
const counted = new Set<TicketEvent["type"]>([
  "created",
  "comment",
  "note",
  "status_changed",
  "edited",
  "priority_changed",
  "automation_applied",
  "satisfaction_rated",
]);
export const changesMetrics = (type: TicketEvent["type"]) => counted.has(type);

/** Status changes an agent made (by hand or with a macro), as opposed to the customer or the system. */
const agentReasons = new Set(["agent", "macro"]);

/**
 * Applies one event to the row (in place) and returns the rollup counts it adds.
 * `ticket` is the ticket as it stands after the event.
 */
export async function applyEvent(
  row: MetricsRow,
  event: MetricsEvent,
  ticket: TicketFacts,
  lookups: Lookups,
): Promise<RollupDelta[]> {
  const deltas: RollupDelta[] = [];
  const sliceOf = (
    t: Pick<TicketFacts, "group_id" | "channel" | "priority" | "service_id" | "assignee_id" | "organization_id">,
  ) => ({
    group_id: t.group_id ?? "",
    channel: t.channel,
    priority: t.priority,
    service_id: t.service_id ?? "",
    assignee_id: t.assignee_id,
    organization_id: t.organization_id,
  });
  const count = (measure: RollupMeasure) => deltas.push({ hour: hourOf(event.at), ...sliceOf(ticket), measure, by: 1 });
  const before = sliceOf(row);
  const after = sliceOf(ticket);
  if (Object.entries(before).some(([key, value]) => after[key as keyof typeof after] !== value)) {
    // Reports count a ticket where it is now: its arrival (and its standing solve or withdrawal) move with it.
    const move = (at: string, measure: RollupMeasure) =>
      deltas.push({ hour: hourOf(at), ...before, measure, by: -1 }, { hour: hourOf(at), ...after, measure, by: 1 });
    move(row.created_at, "created");
    if (row.solved_at && (row.status_category === "solved" || row.status_category === "closed"))
      move(row.solved_at, "solved");
    if (row.status_category === "cancelled") move(row.status_since, "withdrawn");
  }
  Object.assign(row, slice(ticket));
  row.updated_at = event.at;

  switch (event.type) {
    case "created":
      count("created");
      break;
    case "note":
      row.agent_touches += 1;
      break;
    case "comment": {
      if (!event.payload.fromAgent) break;
      row.agent_touches += 1;
      if (event.visibility !== "public") break;
      row.replies += 1;
      if (row.first_reply_at) break;
      const cal = await lookups.calendar();
      row.first_reply_at = event.at;
      row.first_reply_minutes = minutesBetween(row.created_at, event.at);
      row.first_reply_business_minutes = businessMinutesBetween(cal, new Date(row.created_at), new Date(event.at));
      if (ticket.first_response_due_at) {
        const m = margin(cal, event.at, ticket.first_response_due_at);
        row.first_reply_breached = m.calendar < 0 ? 1 : 0;
        row.first_reply_sla_margin_minutes = m.calendar;
        row.first_reply_sla_margin_business_minutes = m.business;
      }
      break;
    }
    case "status_changed": {
      if (agentReasons.has(event.payload.reason)) row.agent_touches += 1;
      const from = row.status_category;
      const to = await lookups.categoryOf(event.payload.to);
      await addWaitingTime(row, from, event.at, lookups);
      if (!isFinished(from) && (to === "solved" || to === "closed")) {
        const cal = await lookups.calendar();
        row.solved_at = event.at;
        row.full_resolution_minutes = minutesBetween(row.created_at, event.at);
        row.full_resolution_business_minutes = businessMinutesBetween(
          cal,
          new Date(row.created_at),
          new Date(event.at),
        );
        if (ticket.resolution_due_at) {
          const m = margin(cal, event.at, ticket.resolution_due_at);
          row.resolution_breached = m.calendar < 0 ? 1 : 0;
          row.resolution_sla_margin_minutes = m.calendar;
          row.resolution_sla_margin_business_minutes = m.business;
        }
        count("solved");
      } else if (!isFinished(from) && to === "cancelled") {
        count("withdrawn");
      } else if (isFinished(from) && !isFinished(to)) {
        row.reopens += 1;
        count("reopened");
      }
      row.status_category = to;
      row.status_since = event.at;
      break;
    }
    case "edited":
      row.agent_touches += 1;
      if (event.payload.assigneeId) row.assignee_stations += 1;
      if (event.payload.groupId) row.group_stations += 1;
      break;
    case "priority_changed":
      row.agent_touches += 1;
      break;
    case "automation_applied":
      if (event.payload.groupId) row.group_stations += 1;
      break;
    case "satisfaction_rated":
      row.satisfaction_rating = event.payload.rating;
      row.satisfaction_comment = event.payload.comment ?? null;
      row.satisfaction_reason = event.payload.reason ?? null;
      row.satisfaction_rated_at = event.at;
      break;
    default:
      break;
  }
  return deltas;
}

/**
 * Adds the time since the last status change to the waiting figure of the
 * status the ticket leaves: the requester waits while it is new, open or on
 * hold; the agent waits while it is pending (waiting for the customer).
 */
async function addWaitingTime(row: MetricsRow, from: StatusCategory, at: string, lookups: Lookups): Promise<void> {
  if (isFinished(from)) return;
  const calendar = minutesBetween(row.status_since, at);
  if (calendar === 0) return;
  const business = businessMinutesBetween(await lookups.calendar(), new Date(row.status_since), new Date(at));
  if (from === "pending") {
    row.agent_wait_minutes += calendar;
    row.agent_wait_business_minutes += business;
    return;
  }
  row.requester_wait_minutes += calendar;
  row.requester_wait_business_minutes += business;
  if (from === "on_hold") {
    row.on_hold_minutes += calendar;
    row.on_hold_business_minutes += business;
  }
}
