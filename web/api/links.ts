import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ticketRelationsSchema } from "../../common/links.ts";
import { request } from "./client.ts";

export function useRelations(number: number) {
  return useQuery({
    queryKey: ["tickets", "links", number],
    queryFn: () => request(`/api/v1/tickets/${number}/links`, { schema: ticketRelationsSchema }),
  });
}

/** Links and merges change both tickets, their Feeds and the list: reload all ticket data after one. */
function useRelationAction<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }) });
}

export const useLinkTicket = (number: number) =>
  useRelationAction((other: number) =>
    request(`/api/v1/tickets/${number}/links`, { method: "POST", body: { number: other } }),
  );
export const useUnlinkTicket = (number: number) =>
  useRelationAction((other: number) => request(`/api/v1/tickets/${number}/links/${other}`, { method: "DELETE" }));
export const useMergeTicket = (number: number) =>
  useRelationAction((into: number) => request(`/api/v1/tickets/${number}/merge`, { method: "POST", body: { into } }));
