import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { catalogSchema, categoryListSchema, serviceDetailSchema } from "../../common/catalog.ts";
import { type TicketSubmission, ticketSubmittedSchema } from "../../common/tickets.ts";
import { request, sendForm } from "./client.ts";
import { refreshAfterChange } from "./ticket-cache.ts";

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: async () => (await request("/api/v1/categories", { schema: categoryListSchema })).categories,
    staleTime: 5 * 60_000,
  });
}

/** The services this visitor may request (the server decides), optionally searched. */
export function useCatalog(search: string) {
  return useQuery({
    queryKey: ["catalog", search],
    queryFn: () =>
      request(`/api/v1/catalog${search ? `?q=${encodeURIComponent(search)}` : ""}`, { schema: catalogSchema }),
    placeholderData: (previous) => previous,
  });
}

export function useService(slug: string) {
  return useQuery({
    queryKey: ["catalog", "service", slug],
    queryFn: () => request(`/api/v1/catalog/services/${encodeURIComponent(slug)}`, { schema: serviceDetailSchema }),
  });
}

/** A request with its files in one multipart POST: the ticket exists with all its attachments, or not at all. */
export function useSubmitWithAttachments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ submission, files }: { submission: TicketSubmission; files: File[] }) => {
      const form = new FormData();
      form.append("submission", JSON.stringify(submission));
      for (const file of files) form.append("attachments", file, file.name);
      return sendForm("/api/v1/tickets/with-attachments", form, ticketSubmittedSchema);
    },
    onSuccess: () => refreshAfterChange(queryClient, []),
  });
}
