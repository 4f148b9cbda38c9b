/** How the agent tools' events read in the Feed. Their visibility (internal for all but "merged_into") is set when written. */
import { type Priority, priorityLabels } from "../../common/tickets.ts";

export const agentToolFeedTypes = [
  "task_added",
  "task_edited",
  "task_completed",
  "task_reopened",
  "task_removed",
  "merged_into",
  "merged_from",
  "linked",
  "unlinked",
  "priority_changed",
] as const;

const label = (value: unknown) =>
  typeof value === "string" && value in priorityLabels ? priorityLabels[value as Priority] : "?";

/** The Feed's detail line for an agent-tool event; undefined for every other kind of event. */
export function agentToolDetail(type: string, payload: Record<string, unknown>): string | null | undefined {
  switch (type) {
    case "task_added":
    case "task_edited":
    case "task_completed":
    case "task_reopened":
    case "task_removed":
      return typeof payload.title === "string" ? payload.title : null;
    case "merged_into":
    case "linked":
    case "unlinked":
      return typeof payload.number === "number" ? `#${payload.number}` : null;
    case "merged_from":
      return typeof payload.number === "number"
        ? `#${payload.number}${typeof payload.subject === "string" ? `: ${payload.subject}` : ""}`
        : null;
    case "priority_changed":
      return `${label(payload.from)} → ${label(payload.to)}`;
    default:
      return undefined;
  }
}
