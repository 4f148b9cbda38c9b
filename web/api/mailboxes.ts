import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type InboundStatus,
  inboundMessageListSchema,
  mailboxAlertListSchema,
  oauthConnectSchema,
} from "../../common/mailboxes.ts";
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

/** Starts connecting (or reconnecting) an OAuth2 mailbox and sends the browser to the provider's sign-in. */
export const useConnectMailbox = () =>
  useMutation({
    mutationFn: (id: string) =>
      request(`/api/v1/admin/mailboxes/${id}/oauth/connect`, { method: "POST", schema: oauthConnectSchema }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

/** Failing mailboxes, for the admins' banner in the workspace; looked at again every minute. */
export const useMailboxAlerts = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, "alerts"],
    queryFn: () => request("/api/v1/admin/mailbox-alerts", { schema: mailboxAlertListSchema }),
    enabled,
    refetchInterval: 60_000,
  });
