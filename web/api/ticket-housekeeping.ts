/** Comment corrections, tags, and deleting and restoring tickets (issue 17). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentEdit } from "../../common/conversation.ts";
import { deletedTicketListSchema } from "../../common/deleted-tickets.ts";
import { tagListSchema } from "../../common/tags.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketKeys } from "./ticket-cache.ts";

const tagsKey = (number: number) => ["tickets", "tags", number] as const;
const deletedKey = ["tickets", "deleted"] as const;

export function useEditComment(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...edit }: CommentEdit & { id: string }) =>
      request(`/api/v1/tickets/${number}/comments/${encodeURIComponent(id)}`, { method: "PATCH", body: edit }),
    onSuccess: () => refreshAfterChange(queryClient, [ticketKeys.feed(number)]),
  });
}

export function useDeleteComment(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request(`/api/v1/tickets/${number}/comments/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => refreshAfterChange(queryClient, [ticketKeys.feed(number)]),
  });
}

export function useTicketTags(number: number) {
  return useQuery({
    queryKey: tagsKey(number),
    queryFn: () => request(`/api/v1/tickets/${number}/tags`, { schema: tagListSchema }),
  });
}

/** Adds (`add: true`) or removes a tag; the chips and the Feed show it. */
export function useChangeTag(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tag, add }: { tag: string; add: boolean }) =>
      request(`/api/v1/tickets/${number}/tags/${encodeURIComponent(tag)}`, { method: add ? "PUT" : "DELETE" }),
    onSuccess: () => refreshAfterChange(queryClient, [tagsKey(number), ticketKeys.feed(number)]),
  });
}

export function useDeleteTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(`/api/v1/tickets/${number}`, { method: "DELETE" }),
    onSuccess: () => refreshAfterChange(queryClient, [deletedKey]),
  });
}

export function useDeletedTickets() {
  return useQuery({
    queryKey: deletedKey,
    queryFn: () => request("/api/v1/admin/deleted-tickets", { schema: deletedTicketListSchema }),
  });
}

export function useRestoreTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => request(`/api/v1/admin/deleted-tickets/${number}/restore`, { method: "POST" }),
    onSuccess: () => refreshAfterChange(queryClient, [deletedKey]),
  });
}
