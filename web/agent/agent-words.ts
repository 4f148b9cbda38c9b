/**
 * The workspace's built-in names (queues, priorities, channels, table columns, macro placeholders) in the
 * reader's language. They are fixed by the code, not entered by an admin, so they come from the agent catalog;
 * each key is spelt out so scripts/check-messages.ts can see it is used.
 */
import type { MacroPlaceholder } from "../../common/macros.ts";
import type { TicketChannel } from "../../common/new-ticket.ts";
import type { BuiltinQueue } from "../../common/queues.ts";
import type { Priority } from "../../common/tickets.ts";
import type { useT } from "../i18n/use-t.ts";
import type { ColumnKey } from "./ticket-columns.ts";

type T = ReturnType<typeof useT>;

export function queueLabel(t: T, queue: BuiltinQueue): string {
  const labels: Record<BuiltinQueue, string> = {
    new: t("agent.queue.new"),
    unassigned: t("agent.queue.unassigned"),
    mine: t("agent.queue.mine"),
    my_groups: t("agent.queue.myGroups"),
    waiting: t("agent.queue.waiting"),
    overdue: t("agent.queue.overdue"),
    recently_solved: t("agent.queue.recentlySolved"),
    all: t("agent.queue.all"),
  };
  return labels[queue];
}

export function priorityOptions(t: T): { value: Priority; label: string }[] {
  return [
    { value: "low", label: t("agent.priority.low") },
    { value: "medium", label: t("agent.priority.medium") },
    { value: "high", label: t("agent.priority.high") },
    { value: "urgent", label: t("agent.priority.urgent") },
  ];
}

export function channelLabel(t: T, channel: TicketChannel): string {
  const labels: Record<TicketChannel, string> = {
    web: t("agent.channel.web"),
    email: t("agent.channel.email"),
    phone: t("agent.channel.phone"),
    walk_in: t("agent.channel.walkIn"),
  };
  return labels[channel];
}

export function columnLabel(t: T, column: ColumnKey): string {
  const labels: Record<ColumnKey, string> = {
    subject: t("agent.field.subject"),
    requester: t("agent.field.requester"),
    status: t("agent.field.status"),
    priority: t("agent.field.priority"),
    due: t("agent.field.due"),
    assignee: t("agent.field.assignee"),
    group: t("agent.field.group"),
    updated: t("agent.field.updated"),
    created: t("agent.field.created"),
  };
  return labels[column];
}

/** What each macro placeholder stands for, lower case, to follow the placeholder in a sentence. */
export function placeholderMeaning(t: T, placeholder: MacroPlaceholder): string {
  const meanings: Record<MacroPlaceholder, string> = {
    "requester.name": t("agent.macro.placeholder.requesterName"),
    "requester.email": t("agent.macro.placeholder.requesterEmail"),
    "ticket.number": t("agent.macro.placeholder.ticketNumber"),
    "ticket.subject": t("agent.macro.placeholder.ticketSubject"),
    "agent.name": t("agent.macro.placeholder.agentName"),
  };
  return meanings[placeholder];
}
