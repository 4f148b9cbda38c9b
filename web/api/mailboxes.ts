import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type InboundStatus, inboundMessageListSchema } from "../../common/mailboxes.ts";
import { request } from "./client.ts";

const key = ["admin", "email"] as const;

function useEmailMutation<TInput>(mutationFn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useInboundMessages = (status: InboundStatus) =>
  useQuery({
    queryKey: [...key, "inbound", status],
    queryFn: () => request(`/api/v1/admin/inbound-messages?status=${status}`, { schema: inboundMessageListSchema }),
  });

export const useRetryInbound = () =>
  useEmailMutation(({ id, mode }: { id: string; mode: "route" | "new_ticket" }) =>
    request(`/api/v1/admin/inbound-messages/${id}/retry`, { method: "POST", body: { mode } }),
  );

export const useDismissInbound = () =>
  useEmailMutation((id: string) => request(`/api/v1/admin/inbound-messages/${id}/dismiss`, { method: "POST" }));
