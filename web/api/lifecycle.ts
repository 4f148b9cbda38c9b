import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentInput } from "../../common/conversation.ts";
import { withdrawReasonListSchema } from "../../common/conversation.ts";
import { readStatusListSchema, ticketSubmittedSchema } from "../../common/tickets.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketShown } from "./ticket-cache.ts";

/** Every lifecycle action can change the status, the Feed and the lists of this ticket. */
function useTicketAction<T, R>(number: number, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshAfterChange(queryClient, ticketShown(number)) });
}

export const useWithdrawReasons = () =>
  useQuery({
    queryKey: ["withdraw-reasons"],
    queryFn: () => request("/api/v1/withdraw-reasons", { schema: withdrawReasonListSchema }),
  });

export const useStatuses = () =>
  useQuery({
    queryKey: ["statuses"],
    queryFn: () => request("/api/v1/statuses", { schema: readStatusListSchema }),
    staleTime: 60_000,
  });

export const useChangeStatus = (number: number) =>
  useTicketAction(number, (input: { statusId: string; comment?: CommentInput }) =>
    request(`/api/v1/tickets/${number}/status`, { method: "POST", body: input }),
  );
export const useMarkSolved = (number: number) =>
  useTicketAction(number, (comment?: CommentInput) =>
    request(`/api/v1/tickets/${number}/solve`, { method: "POST", body: comment ? { comment } : {} }),
  );
export const useWithdraw = (number: number) =>
  useTicketAction(number, (input: { reasonId: string; comment?: CommentInput }) =>
    request(`/api/v1/tickets/${number}/withdraw`, { method: "POST", body: input }),
  );
export const useAddCc = (number: number) =>
  useTicketAction(number, (email: string) =>
    request(`/api/v1/tickets/${number}/ccs`, { method: "POST", body: { email } }),
  );
export const useRemoveCc = (number: number) =>
  useTicketAction(number, (email: string) =>
    request(`/api/v1/tickets/${number}/ccs/${encodeURIComponent(email)}`, { method: "DELETE" }),
  );
export const useCreateFollowUp = (number: number) =>
  useTicketAction(number, (input: { subject: string; message: string }) =>
    request(`/api/v1/tickets/${number}/follow-ups`, { method: "POST", body: input, schema: ticketSubmittedSchema }),
  );
