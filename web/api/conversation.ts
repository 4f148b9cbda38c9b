import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type CommentInput, feedSchema, readBySchema } from "../../common/conversation.ts";
import { request, sendForm } from "./client.ts";
import { refreshAfterChange, ticketKeys, ticketShown } from "./ticket-cache.ts";

const keyOf = ticketKeys.conversation;

export const feedQuery = (number: number) =>
  queryOptions({
    queryKey: ticketKeys.feed(number),
    queryFn: () => request(`/api/v1/tickets/${number}/feed`, { schema: feedSchema }),
  });

export function useFeed(number: number) {
  return useQuery(feedQuery(number));
}

export function useReadBy(number: number) {
  return useQuery({
    queryKey: [...keyOf(number), "read-by"],
    queryFn: () => request(`/api/v1/tickets/${number}/read-by`, { schema: readBySchema }),
  });
}

/** Tells the server this person opened the ticket; Read By then lists them. */
export function useRecordView(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(`/api/v1/tickets/${number}/views`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...keyOf(number), "read-by"] }),
  });
}

export function useAddComment(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files = [], ...input }: CommentInput & { files?: File[] }) => {
      const created = z.object({ id: z.string() });
      if (files.length === 0) {
        return request(`/api/v1/tickets/${number}/comments`, { method: "POST", body: input, schema: created });
      }
      // The comment and its files in one multipart POST: both are stored, or neither.
      const form = new FormData();
      form.append("comment", JSON.stringify(input));
      for (const file of files) form.append("attachments", file, file.name);
      return sendForm(`/api/v1/tickets/${number}/comments/with-attachments`, form, created);
    },
    // A reply can change the status and the "updated" time too: reload the ticket as well as its Feed.
    onSuccess: () => refreshAfterChange(queryClient, ticketShown(number)),
  });
}
