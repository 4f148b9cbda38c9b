/**
 * The words the server puts in report cells (a channel, a priority, "No group"), each with the stable code a
 * client shows in its own language (`codes` of a row, common/reports.ts). The cell keeps the English words,
 * so what a BI tool reads does not change.
 */
import { channelLabels, type TicketChannel } from "../../common/new-ticket.ts";
import { type Priority, priorityLabels } from "../../common/tickets.ts";

export type Worded = { text: string; code?: string };

export const noGroup: Worded = { text: "No group", code: "none.group" };
export const noService: Worded = { text: "No service", code: "none.service" };
export const unassigned: Worded = { text: "Unassigned", code: "none.assignee" };
export const removed: Worded = { text: "Removed", code: "removed" };
export const removedPolicy: Worded = { text: "Removed policy", code: "removed.policy" };

export const channelWord = (channel: string): Worded => ({
  text: channelLabels[channel as TicketChannel] ?? channel,
  code: `channel.${channel}`,
});

export const priorityWord = (priority: string): Worded => ({
  text: priorityLabels[priority as Priority] ?? priority,
  code: `priority.${priority}`,
});

/** A named record's name; the code for "none" when there is no id, "removed" when the record is gone. */
export function nameOf(names: ReadonlyMap<string, string>, id: string | null, none: Worded): Worded {
  if (!id) return none;
  const name = names.get(id);
  return name === undefined ? removed : { text: name };
}

/** The `codes` of a row from its worded cells: nothing when no cell has a code, so plain rows stay as they were. */
export function codesOf(cells: Record<string, Worded>): { codes?: Record<string, string> } {
  const codes = Object.fromEntries(
    Object.entries(cells).flatMap(([key, word]) => (word.code ? [[key, word.code]] : [])),
  );
  return Object.keys(codes).length ? { codes } : {};
}
