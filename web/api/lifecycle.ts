import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentInput } from "../../common/conversation.ts";
import { withdrawReasonListSchema } from "../../common/conversation.ts";
import { readStatusListSchema, ticketSubmittedSchema } from "../../common/tickets.ts";
import { request } from "./client.ts";

/** Every lifecycle action can change the status, the Feed, the list: reload all ticket data after one. */
function useTicketAction<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }) });
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
  useTicketAction((input: { statusId: string; comment?: CommentInput }) =>
    request(`/api/v1/tickets/${number}/status`, { method: "POST", body: input }),
  );
export const useMarkSolved = (number: number) =>
  useTicketAction((comment?: CommentInput) =>
    request(`/api/v1/tickets/${number}/solve`, { method: "POST", body: comment ? { comment } : {} }),
  );
export const useWithdraw = (number: number) =>
  useTicketAction((input: { reasonId: string; comment?: CommentInput }) =>
    request(`/api/v1/tickets/${number}/withdraw`, { method: "POST", body: input }),
  );
export const useAddCc = (number: number) =>
  useTicketAction((email: string) => request(`/api/v1/tickets/${number}/ccs`, { method: "POST", body: { email } }));
export const useRemoveCc = (number: number) =>
  useTicketAction((email: string) =>
    request(`/api/v1/tickets/${number}/ccs/${encodeURIComponent(email)}`, { method: "DELETE" }),
  );
export const useCreateFollowUp = (number: number) =>
  useTicketAction((input: { subject: string; message: string }) =>
    request(`/api/v1/tickets/${number}/follow-ups`, { method: "POST", body: input, schema: ticketSubmittedSchema }),
  );
