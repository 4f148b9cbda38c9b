/**
 * Every reaction to a ticket event, in the order they run (as jobs/handlers.ts
 * lists every kind of job). `recordEvent` (tickets/events.ts) runs them in
 * the event's own transaction, synchronously, one after another; a reaction
 * that records an event of its own (a trigger changing the priority) runs
 * this list again for it, up to `maxReactionDepth`.
 *
 * The order matters: targets are set before triggers read the ticket, alerts
 * and mail go out about the ticket as the reactions before them left it.
 */
import { alertReaction } from "./alerts/reactions.ts";
import { automationReaction } from "./automation/reactions.ts";
import { notificationReaction } from "./notifications/reactions.ts";
import { metricsReaction } from "./reports/reactions.ts";
import { satisfactionReaction } from "./satisfaction/reactions.ts";
import { serviceLevelReaction } from "./sla/reactions.ts";
import { installReactions, type Reaction } from "./tickets/events.ts";
import { webhookReaction } from "./webhooks/reactions.ts";

export const ticketEventReactions: readonly Reaction[] = [
  // 1. Service levels: set, recompute, pause and resume targets; first response.
  serviceLevelReaction,
  // 2. Automation: admin-defined triggers on a new ticket.
  automationReaction,
  // 3. Alerts: personal alerts people subscribed to on the ticket.
  alertReaction,
  // 4. Notifications: mail to the people on the ticket and its agents, through the outbox.
  notificationReaction,
  // 4b. Satisfaction surveys: a solved ticket schedules its survey mail (a delayed job).
  satisfactionReaction,
  // 5. Metrics: the ticket's metrics row and the hourly rollups that reports read (reports/).
  metricsReaction,
  // 6. Webhooks, last: they send the ticket as every reaction above left it.
  webhookReaction,
];

/** Installs the list; every entry point that runs commands (main, cli, bench, the test setup) calls this once. */
export function installTicketEventReactions(): void {
  installReactions(ticketEventReactions);
}
