import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AgentTicketInput, requesterListSchema } from "../../common/new-ticket.ts";
import { ticketSubmittedSchema } from "../../common/tickets.ts";
import { request } from "./client.ts";

/** People with an account matching the words, for the New ticket form's requester. */
export function useRequesterSearch(q: string) {
  return useQuery({
    queryKey: ["requesters", q],
    queryFn: () => request(`/api/v1/agent/requesters?${new URLSearchParams({ q })}`, { schema: requesterListSchema }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useOpenTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgentTicketInput) =>
      request("/api/v1/agent/tickets", { method: "POST", body: input, schema: ticketSubmittedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }),
  });
}
