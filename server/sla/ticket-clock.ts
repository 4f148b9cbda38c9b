/**
 * A ticket's SLA clock: which policy applies, when its targets are due, when
 * it is paused, and when a solved ticket closes. The ticket commands call one
 * function each (submit, status change, first public reply, a change to what
 * the policy matches on); everything is written on the ticket row in the
 * command's transaction, so queues can filter and sort on `tickets.due_at`.
 *
 * "Overdue" means `due_at <= now`. `due_at` is the nearest target not yet met
 * while the clock runs, and null while it is paused or nothing is left to meet.
 */

import type { Transaction } from "kysely";
import { type SlaConditions, slaConditionsSchema } from "../../common/service-levels.ts";
import { isFinished } from "../../common/tickets.ts";
import type { Config } from "../config.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { addBusinessDays, addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from "./calendar.ts";
import { calendarFor } from "./calendars.ts";

type Trx = Transaction<Database>;
const MINUTE = 60_000;

/** Categories where no target can be met or missed any more. */

type PolicyRow = {
  id: string;
  conditions: unknown;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  business_time: number;
  calendar_id: string | null;
};

export type TicketFacts = {
  priority: string;
  service_id: string | null;
  organization_id: string | null;
  ticket_type_id: string | null;
};

export function policyMatches(conditions: SlaConditions, ticket: TicketFacts): boolean {
  const within = (list: string[], value: string | null) =>
    list.length === 0 || (value !== null && list.includes(value));
  return (
    within(conditions.priorities, ticket.priority) &&
    within(conditions.serviceIds, ticket.service_id) &&
    within(conditions.organizationIds, ticket.organization_id) &&
    within(conditions.ticketTypeIds, ticket.ticket_type_id)
  );
}

const policyColumns = [
  "id",
  "conditions",
  "first_response_minutes",
  "resolution_minutes",
  "business_time",
  "calendar_id",
] as const;

async function matchingPolicy(trx: Trx, ticket: TicketFacts): Promise<PolicyRow | undefined> {
  const policies = await trx
    .selectFrom("sla_policies")
    .select(policyColumns)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return policies.find((p) => policyMatches(slaConditionsSchema.parse(decodeJson(p.conditions)), ticket));
}

/** A target `minutes` after `from`, in working or wall-clock time. */
function addTarget(policy: PolicyRow, cal: BusinessCalendar, from: string, minutes: number | null): string | null {
  if (minutes === null) return null;
  const due = policy.business_time
    ? addBusinessMinutes(cal, new Date(from), minutes)
    : new Date(new Date(from).getTime() + minutes * MINUTE);
  return due.toISOString();
}

type Clock = {
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  first_responded_at: string | null;
  sla_paused_at: string | null;
};

/** The nearest open target, and when "Ticket is due" fires for it: a quarter of its length before, at most an hour. */
function nearest(clock: Clock, policy: PolicyRow | undefined): { due_at: string | null; due_soon_at: string | null } {
  if (clock.sla_paused_at || !policy) return { due_at: null, due_soon_at: null };
  const open = [
    clock.first_responded_at ? null : { at: clock.first_response_due_at, minutes: policy.first_response_minutes },
    { at: clock.resolution_due_at, minutes: policy.resolution_minutes },
  ].filter((t): t is { at: string; minutes: number } => !!t?.at && t.minutes !== null);
  const first = open.sort((a, b) => a.at.localeCompare(b.at))[0];
  if (!first) return { due_at: null, due_soon_at: null };
  const lead = Math.min(60, Math.max(1, Math.floor(first.minutes / 4))) * MINUTE;
  return { due_at: first.at, due_soon_at: new Date(new Date(first.at).getTime() - lead).toISOString() };
}

/** The ticket's service-level inputs and clock state (no policy: reactions run after the command checked it). */
async function clockStateOf(trx: Trx, ticketId: string) {
  return trx
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select([
      "tickets.priority",
      "tickets.service_id",
      "tickets.organization_id",
      "tickets.ticket_type_id",
      "tickets.group_id",
      "tickets.created_at",
      "tickets.sla_policy_id",
      "tickets.first_response_due_at",
      "tickets.resolution_due_at",
      "tickets.first_responded_at",
      "tickets.sla_paused_at",
      "tickets.auto_close_at",
      "statuses.category",
      "statuses.pauses_sla",
    ])
    .where("tickets.id", "=", ticketId)
    .executeTakeFirstOrThrow();
}

async function policyById(trx: Trx, id: string | null): Promise<PolicyRow | undefined> {
  if (!id) return undefined;
  return trx.selectFrom("sla_policies").select(policyColumns).where("id", "=", id).executeTakeFirst();
}

/**
 * Picks the policy for a ticket and sets its targets, counted from when it
 * was created. Called on submit and whenever something the policies match on
 * (priority, service, organization, type) changes; a target already met stays met.
 */
export async function applyServiceLevels(trx: Trx, ticketId: string): Promise<void> {
  const ticket = await clockStateOf(trx, ticketId);
  const policy = await matchingPolicy(trx, ticket);
  const cal = await calendarFor(trx, { calendarId: policy?.calendar_id, groupId: ticket.group_id });
  const stopped = ticket.pauses_sla === 1 || isFinished(ticket.category);
  const clock: Clock = {
    first_response_due_at: policy ? addTarget(policy, cal, ticket.created_at, policy.first_response_minutes) : null,
    resolution_due_at: policy ? addTarget(policy, cal, ticket.created_at, policy.resolution_minutes) : null,
    first_responded_at: ticket.first_responded_at,
    sla_paused_at: stopped ? (ticket.sla_paused_at ?? ticket.created_at) : null,
  };
  await trx
    .updateTable("tickets")
    .set({ sla_policy_id: policy?.id ?? null, ...clock, ...nearest(clock, policy) })
    .where("id", "=", ticketId)
    .execute();
}

/**
 * After a status change: pauses the clock in statuses that pause it (and in
 * solved, closed and withdrawn ones), resumes it by moving the open targets
 * on by the time it stood still, and sets when a solved ticket closes — which
 * is also when its reopen window ends.
 */
export async function serviceLevelsAfterStatusChange(
  trx: Trx,
  config: Pick<Config, "reopenWindowDays">,
  ticketId: string,
  at: string,
): Promise<void> {
  const ticket = await clockStateOf(trx, ticketId);
  const policy = await policyById(trx, ticket.sla_policy_id);
  const cal = await calendarFor(trx, { calendarId: policy?.calendar_id, groupId: ticket.group_id });
  const stops = ticket.pauses_sla === 1 || isFinished(ticket.category);
  const clock: Clock = {
    first_response_due_at: ticket.first_response_due_at,
    resolution_due_at: ticket.resolution_due_at,
    first_responded_at: ticket.first_responded_at,
    sla_paused_at: ticket.sla_paused_at,
  };
  if (stops && !clock.sla_paused_at) clock.sla_paused_at = at;
  if (!stops && clock.sla_paused_at) {
    const pausedAt = clock.sla_paused_at;
    const resume = (due: string | null) => {
      // A target already missed when the clock stopped stays missed at the same time.
      if (!due || due <= pausedAt || !policy) return due;
      if (policy.business_time) {
        const left = businessMinutesBetween(cal, new Date(pausedAt), new Date(due));
        return addBusinessMinutes(cal, new Date(at), left).toISOString();
      }
      return new Date(new Date(at).getTime() + (new Date(due).getTime() - new Date(pausedAt).getTime())).toISOString();
    };
    clock.first_response_due_at = clock.first_responded_at
      ? clock.first_response_due_at
      : resume(clock.first_response_due_at);
    clock.resolution_due_at = resume(clock.resolution_due_at);
    clock.sla_paused_at = null;
  }
  const autoCloseAt =
    ticket.category === "solved"
      ? addBusinessDays(
          await calendarFor(trx, { groupId: ticket.group_id }),
          new Date(at),
          config.reopenWindowDays,
        ).toISOString()
      : null;
  await trx
    .updateTable("tickets")
    .set({ ...clock, ...nearest(clock, policy), auto_close_at: autoCloseAt })
    .where("id", "=", ticketId)
    .execute();
}

/** An agent's first public reply meets the first-response target. */
export async function recordFirstResponse(trx: Trx, ticketId: string, at: string): Promise<void> {
  const ticket = await clockStateOf(trx, ticketId);
  if (ticket.first_responded_at) return;
  const policy = await policyById(trx, ticket.sla_policy_id);
  const clock: Clock = {
    first_response_due_at: ticket.first_response_due_at,
    resolution_due_at: ticket.resolution_due_at,
    first_responded_at: at,
    sla_paused_at: ticket.sla_paused_at,
  };
  await trx
    .updateTable("tickets")
    .set({ first_responded_at: at, ...nearest(clock, policy) })
    .where("id", "=", ticketId)
    .execute();
}
