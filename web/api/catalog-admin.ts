import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  adminServiceListSchema,
  categoryListSchema,
  type FieldInput,
  type ServiceInput,
  ticketTypeListSchema,
} from "../../common/catalog.ts";
import { withdrawReasonListSchema } from "../../common/conversation.ts";
import { adminStatusListSchema } from "../../common/statuses.ts";
import { request } from "./client.ts";

const key = ["admin", "catalog"] as const;
const created = z.object({ id: z.string() });

function useCatalogMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ["catalog"] });
      await queryClient.invalidateQueries({ queryKey: ["categories"] });
    },
  });
}

export const useAdminCategories = () =>
  useQuery({
    queryKey: [...key, "categories"],
    queryFn: () => request("/api/v1/admin/categories", { schema: categoryListSchema }),
  });
export const useAdminServices = () =>
  useQuery({
    queryKey: [...key, "services"],
    queryFn: () => request("/api/v1/admin/services", { schema: adminServiceListSchema }),
  });
export const useTicketTypes = () =>
  useQuery({
    queryKey: [...key, "ticket-types"],
    queryFn: () => request("/api/v1/admin/ticket-types", { schema: ticketTypeListSchema }),
  });

const save =
  (collection: string) =>
  async ({ id, ...body }: { id?: string } & Record<string, unknown>) => {
    if (id) await request(`/api/v1/admin/${collection}/${id}`, { method: "PUT", body });
    else await request(`/api/v1/admin/${collection}`, { method: "POST", body, schema: created });
  };

export const useSaveCategory = () => useCatalogMutation(save("categories"));
export const useSaveService = () =>
  useCatalogMutation((input: ServiceInput & { id?: string }) => save("services")(input));
export const useSaveTicketType = () => useCatalogMutation(save("ticket-types"));
export const useSaveField = () =>
  useCatalogMutation(async ({ id, ticketTypeId, ...body }: FieldInput & { id?: string; ticketTypeId: string }) => {
    if (id) await request(`/api/v1/admin/ticket-fields/${id}`, { method: "PUT", body });
    else await request(`/api/v1/admin/ticket-types/${ticketTypeId}/fields`, { method: "POST", body, schema: created });
  });
export const useDeleteCatalogEntry = (collection: "categories" | "services" | "ticket-types" | "ticket-fields") =>
  useCatalogMutation((id: string) => request(`/api/v1/admin/${collection}/${id}`, { method: "DELETE" }));

export const useAdminStatuses = () =>
  useQuery({
    queryKey: [...key, "statuses"],
    queryFn: () => request("/api/v1/admin/statuses", { schema: adminStatusListSchema }),
  });
export const useSaveStatus = () => useCatalogMutation(save("statuses"));
export const useDeleteStatus = () =>
  useCatalogMutation((id: string) => request(`/api/v1/admin/statuses/${id}`, { method: "DELETE" }));

export const useAdminWithdrawReasons = () =>
  useQuery({
    queryKey: [...key, "withdraw-reasons"],
    queryFn: () => request("/api/v1/admin/withdraw-reasons", { schema: withdrawReasonListSchema }),
  });
export const useSaveWithdrawReason = () => useCatalogMutation(save("withdraw-reasons"));
export const useDeleteWithdrawReason = () =>
  useCatalogMutation((id: string) => request(`/api/v1/admin/withdraw-reasons/${id}`, { method: "DELETE" }));
