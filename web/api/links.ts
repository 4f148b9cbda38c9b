import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ticketRelationsSchema } from "../../common/links.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketKeys, ticketShown } from "./ticket-cache.ts";

export function useRelations(number: number) {
  return useQuery({
    queryKey: ticketKeys.links(number),
    queryFn: () => request(`/api/v1/tickets/${number}/links`, { schema: ticketRelationsSchema }),
  });
}

/** Links and merges change both tickets, their links, their Feeds and the lists. */
function useRelationAction<T extends number>(number: number, fn: (other: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_answer, other) =>
      refreshAfterChange(queryClient, [
        ...ticketShown(number),
        ...ticketShown(other),
        ticketKeys.links(number),
        ticketKeys.links(other),
      ]),
  });
}

export const useLinkTicket = (number: number) =>
  useRelationAction(number, (other: number) =>
    request(`/api/v1/tickets/${number}/links`, { method: "POST", body: { number: other } }),
  );
export const useUnlinkTicket = (number: number) =>
  useRelationAction(number, (other: number) =>
    request(`/api/v1/tickets/${number}/links/${other}`, { method: "DELETE" }),
  );
export const useMergeTicket = (number: number) =>
  useRelationAction(number, (into: number) =>
    request(`/api/v1/tickets/${number}/merge`, { method: "POST", body: { into } }),
  );
