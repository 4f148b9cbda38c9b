import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type MacroInput, macroAppliedSchema, macroListSchema } from "../../common/macros.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketShown } from "./ticket-cache.ts";

const key = ["macros"] as const;

/** The shared macros and the caller's own. */
export const useMacros = () =>
  useQuery({ queryKey: key, queryFn: () => request("/api/v1/macros", { schema: macroListSchema }) });

function useMacroMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useSaveMacro = () =>
  useMacroMutation(async ({ id, ...input }: MacroInput & { id?: string }): Promise<void> => {
    if (id) await request(`/api/v1/macros/${id}`, { method: "PUT", body: input });
    else await request("/api/v1/macros", { method: "POST", body: input, schema: z.object({ id: z.string() }) });
  });

export const useDeleteMacro = () =>
  useMacroMutation((id: string) => request(`/api/v1/macros/${id}`, { method: "DELETE" }));

/** Sets the macro's fields on the ticket and hands back its text; the ticket's data is stale afterwards. */
export function useApplyMacro(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request(`/api/v1/tickets/${number}/macros/${id}/apply`, { method: "POST", schema: macroAppliedSchema }),
    onSuccess: () => refreshAfterChange(queryClient, ticketShown(number)),
  });
}
