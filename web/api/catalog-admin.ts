import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { categoriesCollection, servicesCollection, ticketTypesCollection } from "../../common/admin-collections.ts";
import type { FieldInput } from "../../common/catalog.ts";
import { useAdminList } from "./admin-collections.ts";
import { request } from "./client.ts";

const created = z.object({ id: z.string() });

export const useAdminCategories = () => useAdminList(categoriesCollection);
export const useAdminServices = () => useAdminList(servicesCollection);
export const useTicketTypes = () => useAdminList(ticketTypesCollection);

/** A ticket type's fields are not a collection of their own: they are created under their type. */
function useFieldMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["admin"] });
      for (const queryKey of ticketTypesCollection.refreshes ?? []) await queryClient.invalidateQueries({ queryKey });
    },
  });
}

export const useSaveField = () =>
  useFieldMutation(async ({ id, ticketTypeId, ...body }: FieldInput & { id?: string; ticketTypeId: string }) => {
    if (id) await request(`/api/v1/admin/ticket-fields/${id}`, { method: "PUT", body });
    else await request(`/api/v1/admin/ticket-types/${ticketTypeId}/fields`, { method: "POST", body, schema: created });
  });
export const useDeleteField = () =>
  useFieldMutation((id: string) => request(`/api/v1/admin/ticket-fields/${id}`, { method: "DELETE" }));
