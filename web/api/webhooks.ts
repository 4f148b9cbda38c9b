import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type WebhookInput,
  webhookDeliveryListSchema,
  webhookDetailSchema,
  webhookListSchema,
  webhookSecretSchema,
} from "../../common/webhooks.ts";
import { request } from "./client.ts";

const key = ["admin", "webhooks"] as const;
const queued = z.object({ id: z.string() });

function useWebhookMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useWebhooks = () =>
  useQuery({
    queryKey: [...key, "list"],
    queryFn: () => request("/api/v1/admin/webhooks", { schema: webhookListSchema }),
  });

export const useWebhook = (id: string) =>
  useQuery({
    queryKey: [...key, id],
    queryFn: () => request(`/api/v1/admin/webhooks/${id}`, { schema: webhookDetailSchema }),
  });

/**
 * The delivery log; polled while something in it is still on its way, so an admin sees a test event or a
 * redelivery land without reloading.
 */
export const useWebhookDeliveries = (id: string) =>
  useQuery({
    queryKey: [...key, id, "deliveries"],
    queryFn: () => request(`/api/v1/admin/webhooks/${id}/deliveries`, { schema: webhookDeliveryListSchema }),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending") ? 1000 : 5000),
  });

/** Creating answers with the signing secret, shown once; changing does not touch it. */
export const useSaveWebhook = () =>
  useWebhookMutation(async ({ id, ...body }: { id?: string } & WebhookInput) => {
    if (id) {
      await request(`/api/v1/admin/webhooks/${id}`, { method: "PUT", body });
      return null;
    }
    return request("/api/v1/admin/webhooks", { method: "POST", body, schema: webhookSecretSchema });
  });

export const useDeleteWebhook = () =>
  useWebhookMutation((id: string) => request(`/api/v1/admin/webhooks/${id}`, { method: "DELETE" }));

export const useRotateWebhookSecret = () =>
  useWebhookMutation((id: string) =>
    request(`/api/v1/admin/webhooks/${id}/secret`, { method: "POST", schema: webhookSecretSchema }),
  );

export const useSendTestEvent = () =>
  useWebhookMutation((id: string) => request(`/api/v1/admin/webhooks/${id}/test`, { method: "POST", schema: queued }));

export const useRedeliver = () =>
  useWebhookMutation((deliveryId: string) =>
    request(`/api/v1/admin/webhook-deliveries/${deliveryId}/redeliver`, { method: "POST", schema: queued }),
  );
