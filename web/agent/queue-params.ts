import {
  type BuiltinQueue,
  builtinQueues,
  type QueueFilters,
  type QueueSort,
  queueFiltersSchema,
  queueSorts,
} from "../../common/queues.ts";
import { filtersToParams, type QueueQuery } from "../api/workspace.ts";

const arrayKeys = [
  "statusId",
  "statusCategory",
  "priority",
  "groupId",
  "assigneeId",
  "typeId",
  "serviceId",
  "organizationId",
  "tag",
] as const;
const textKeys = ["requester", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "q"] as const;

/**
 * The queue, filters and sort live in the address, so a view can be
 * bookmarked, shared and restored with the back button. Anything that does
 * not parse is dropped rather than breaking the page.
 */
export function readQueueQuery(params: URLSearchParams): QueueQuery & { viewId: string | null } {
  const raw: Record<string, unknown> = {};
  for (const key of arrayKeys) {
    const values = params.getAll(key);
    if (values.length) raw[key] = values;
  }
  for (const key of textKeys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = queueFiltersSchema.safeParse(raw);
  const queue = params.get("queue");
  const sort = params.get("sort");
  return {
    queue: builtinQueues.includes(queue as BuiltinQueue) ? (queue as BuiltinQueue) : "all",
    filters: parsed.success ? parsed.data : {},
    sort: queueSorts.includes(sort as QueueSort) ? (sort as QueueSort) : "updated",
    direction: params.get("direction") === "asc" ? "asc" : "desc",
    viewId: params.get("view"),
  };
}

export function writeQueueQuery(query: QueueQuery & { viewId?: string | null }): URLSearchParams {
  const params = filtersToParams(query.filters);
  if (query.queue !== "all") params.set("queue", query.queue);
  if (query.sort !== "updated") params.set("sort", query.sort);
  if (query.direction !== "desc") params.set("direction", query.direction);
  if (query.viewId) params.set("view", query.viewId);
  return params;
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}

/** Where j and k go from a ticket page: the list the agent last looked at. */
const lastListKey = "switchboard.agent.lastList";

export function rememberList(numbers: number[], search: string): void {
  try {
    sessionStorage.setItem(lastListKey, JSON.stringify({ numbers, search }));
  } catch {
    // Private mode or a full storage: next/previous simply stays unavailable.
  }
}

export function neighbours(number: number): { previous: number | null; next: number | null; search: string } {
  try {
    const stored = JSON.parse(sessionStorage.getItem(lastListKey) ?? "null") as {
      numbers?: unknown;
      search?: unknown;
    } | null;
    const numbers = Array.isArray(stored?.numbers) ? stored.numbers.filter((n) => typeof n === "number") : [];
    const at = numbers.indexOf(number);
    return {
      previous: at > 0 ? (numbers[at - 1] ?? null) : null,
      next: at >= 0 && at < numbers.length - 1 ? (numbers[at + 1] ?? null) : null,
      search: typeof stored?.search === "string" ? stored.search : "",
    };
  } catch {
    return { previous: null, next: null, search: "" };
  }
}
