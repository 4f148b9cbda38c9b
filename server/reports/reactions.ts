/**
 * Metrics follow the ticket's events: each event that changes a figure
 * updates the ticket's metrics row and adds to the hourly rollups, in the
 * event's own transaction, so a report never disagrees with the tickets.
 */
import type { Reaction } from "../tickets/events.ts";
import { applyEvent, changesMetrics, newMetricsRow } from "./metrics.ts";
import { loadNewTicket, loadTicketNow, lookupsFor, replayTicket, saveMetrics } from "./store.ts";

export const metricsReaction: Reaction = async (trx, _ctx, event) => {
  if (!changesMetrics(event.type)) return;
  if (event.type === "created") {
    // A new ticket has no row, so none is read (ticket creation is the busiest write there is).
    const ticket = await loadNewTicket(trx, event.ticketId);
    if (!ticket) return;
    const row = newMetricsRow(ticket, ticket.category, event.at);
    const deltas = await applyEvent(row, event, ticket, lookupsFor(trx, ticket));
    // Written only if the ticket has no row yet: a trigger on the new ticket records an event of its own (a
    // reaction inside this one's reactions, so it runs first), whose row is worked out from all the ticket's
    // events, this one included.
    await saveMetrics(trx, row, undefined, deltas);
    return;
  }
  const now = await loadTicketNow(trx, event.ticketId);
  if (!now) return;
  const { ticket, stored } = now;
  if (!stored) {
    // A ticket from before metrics were recorded (and not backfilled yet): work it out from all its events,
    // this one included, so the row is complete from here on.
    const replayed = await replayTicket(trx, event.ticketId);
    if (!replayed) return;
    await saveMetrics(trx, replayed.row, undefined, replayed.deltas);
    return;
  }
  // The status the event leaves the ticket in is the one it has now: its category came with the ticket.
  const lookups = lookupsFor(trx, ticket, new Map([[ticket.status_id, ticket.category]]));
  const row = { ...stored };
  const deltas = await applyEvent(row, event, ticket, lookups);
  await saveMetrics(trx, row, stored, deltas);
};
