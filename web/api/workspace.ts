import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import {
  agentTicketPageSchema,
  type BuiltinQueue,
  type BulkUpdate,
  bulkResultSchema,
  type QueueFilters,
  type QueueSort,
  queueOverviewSchema,
  type SavedViewInput,
} from "../../common/queues.ts";
import { type TicketUpdate, workspaceDirectorySchema } from "../../common/ticket-edit.ts";
import { readTicketDetailSchema, type TicketDetail } from "../../common/tickets.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketKeys, ticketShown } from "./ticket-cache.ts";

/** Under "tickets", so every ticket change (comments, status, edits) refreshes the queues too. */
const workspaceKey = ["tickets", "workspace"] as const;
const pageSize = 25;

export type QueueQuery = {
  queue: BuiltinQueue;
  filters: QueueFilters;
  sort: QueueSort;
  direction: "asc" | "desc";
};

/** The same flat parameters the server reads, repeated for several values. */
export function filtersToParams(filters: QueueFilters, params = new URLSearchParams()): URLSearchParams {
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (typeof value === "string" && value !== "") params.set(key, value);
  }
  return params;
}

export const queueOverviewQuery = () =>
  queryOptions({
    queryKey: [...workspaceKey, "overview"],
    queryFn: () => request("/api/v1/agent/queues", { schema: queueOverviewSchema }),
  });

export function useQueueOverview() {
  return useQuery(queueOverviewQuery());
}

export function useAgentTickets(query: QueueQuery) {
  return useInfiniteQuery(agentTicketsQuery(query));
}

export const agentTicketsQuery = (query: QueueQuery) =>
  infiniteQueryOptions({
    queryKey: [...workspaceKey, "list", query],
    queryFn: ({ pageParam }) => {
      const params = filtersToParams(query.filters);
      params.set("queue", query.queue);
      params.set("sort", query.sort);
      params.set("direction", query.direction);
      params.set("limit", String(pageSize));
      if (pageParam) params.set("cursor", pageParam);
      return request(`/api/v1/agent/tickets?${params}`, { schema: agentTicketPageSchema });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** `fresh`: a form about to save choices reloads them, so a group or agent added a moment ago is there. */
export function useDirectory({ fresh = false } = {}) {
  return useQuery({
    queryKey: ["workspace-directory"],
    queryFn: () => request("/api/v1/agent/directory", { schema: workspaceDirectorySchema }),
    staleTime: 60_000,
    ...(fresh ? { refetchOnMount: "always" as const } : {}),
  });
}

/** A change to a ticket; with `ifMatch`, only if the ticket is still at that version (see `readTicketVersion`). */
type VersionedUpdate = TicketUpdate & { ifMatch?: string };

export function useUpdateTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ifMatch, ...update }: VersionedUpdate) =>
      request(`/api/v1/tickets/${number}`, { method: "PATCH", body: update, ifMatch }),
    // A change that takes the ticket out of the agent's reach is not refetched: the page would turn into
    // "not found" and unmount the dialog before it could move on to the list.
    onSuccess: (_, update) => refreshAfterChange(queryClient, update.confirmLoseAccess ? [] : ticketShown(number)),
  });
}

/**
 * The ticket as it is now and the version that names it (its ETag), read past the cache: a form that will
 * send `If-Match` compares the ticket with what it showed, and both must be the same read.
 */
export async function readTicketVersion(number: number): Promise<{ ticket: TicketDetail; version: string | null }> {
  let version: string | null = null;
  const ticket = await request(`/api/v1/tickets/${number}`, {
    schema: readTicketDetailSchema,
    onVersion: (etag) => {
      version = etag;
    },
  });
  return { ticket, version };
}

export function useBulkUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: BulkUpdate) =>
      request("/api/v1/agent/tickets/bulk", { method: "POST", body: update, schema: bulkResultSchema }),
    // The list on screen is awaited; every other ticket's data may have changed too, so it goes stale.
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all, predicate: (q) => q.queryKey[1] !== "workspace" });
      await refreshAfterChange(queryClient, ticketKeys.lists);
    },
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) =>
      request("/api/v1/agent/views", { method: "POST", body: input, schema: z.object({ id: z.string() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(`/api/v1/agent/views/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey }),
  });
}
