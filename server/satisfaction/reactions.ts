/**
 * When a ticket is solved, its survey is scheduled: a `satisfaction.send` job
 * that runs after the admin's delay (send-survey.ts decides then whether it
 * still goes out). Nothing here sends mail; a ticket solved twice schedules
 * twice, and only the job of its latest solve may send.
 */

import { enqueueJobOnce } from "../jobs/queue.ts";
import type { Reaction } from "../tickets/events.ts";
import { loadSatisfactionSettings, surveysFor } from "./settings.ts";

export const satisfactionReaction: Reaction = async (trx, _ctx, event) => {
  if (event.type !== "status_changed") return;
  const status = await trx
    .selectFrom("statuses")
    .select("category")
    .where("id", "=", event.payload.to)
    .executeTakeFirst();
  if (status?.category !== "solved") return;
  const settings = await loadSatisfactionSettings(trx);
  const ticket = await trx
    .selectFrom("tickets")
    .leftJoin("satisfaction_surveys", "satisfaction_surveys.ticket_id", "tickets.id")
    .select([
      "tickets.group_id",
      "tickets.service_id",
      "tickets.requester_email",
      "satisfaction_surveys.ticket_id as surveyed",
    ])
    .where("tickets.id", "=", event.ticketId)
    .executeTakeFirst();
  // One survey per ticket: a ticket solved again after its survey (or after a rating) is not asked twice.
  if (!ticket || ticket.surveyed || !ticket.requester_email.includes("@") || !surveysFor(settings, ticket)) return;
  const runAt = new Date(Date.parse(event.at) + settings.delayMinutes * 60_000).toISOString();
  await enqueueJobOnce(
    trx,
    "satisfaction.send",
    { ticketId: event.ticketId, solvedEventId: event.id },
    { at: event.at, runAt, uniqueKey: `satisfaction.send:${event.id}` },
  );
};
