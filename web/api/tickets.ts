import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  readTicketDetailSchema,
  readTicketPageSchema,
  type TicketSubmission,
  ticketSubmittedSchema,
  type ticketViews,
} from "../../common/tickets.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketKeys } from "./ticket-cache.ts";

const ticketsKey = ["tickets"] as const;
export type TicketView = (typeof ticketViews)[number];
const pageSize = 25;

export function useSubmitTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: TicketSubmission) =>
      request("/api/v1/tickets", { method: "POST", body: submission, schema: ticketSubmittedSchema }),
    onSuccess: () => refreshAfterChange(queryClient, []),
  });
}

/** A list of tickets, newest first, a page at a time (keyset cursor from the server). */
export type TicketFilters = { statusIds?: string[]; q?: string; sort?: "created" | "updated" };

export function useTickets(view: TicketView = "all", filters: TicketFilters = {}) {
  return useInfiniteQuery({
    queryKey: [...ticketsKey, "list", view, filters],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize), view, sort: filters.sort ?? "created" });
      for (const id of filters.statusIds ?? []) query.append("statusId", id);
      if (filters.q) query.set("q", filters.q);
      if (pageParam) query.set("cursor", pageParam);
      return request(`/api/v1/tickets?${query}`, { schema: readTicketPageSchema });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export const ticketQuery = (number: number) =>
  queryOptions({
    queryKey: ticketKeys.detail(number),
    queryFn: () => request(`/api/v1/tickets/${number}`, { schema: readTicketDetailSchema }),
  });

export function useTicket(number: number) {
  return useQuery(ticketQuery(number));
}
