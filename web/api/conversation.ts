import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type CommentInput, feedSchema, readBySchema } from "../../common/conversation.ts";
import { request } from "./client.ts";

const keyOf = (number: number) => ["tickets", "conversation", number] as const;

export function useFeed(number: number) {
  return useQuery({
    queryKey: [...keyOf(number), "feed"],
    queryFn: () => request(`/api/v1/tickets/${number}/feed`, { schema: feedSchema }),
  });
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
    mutationFn: (input: CommentInput) =>
      request(`/api/v1/tickets/${number}/comments`, {
        method: "POST",
        body: input,
        schema: z.object({ id: z.string() }),
      }),
    // A reply can change the status and the "updated" time too: reload the ticket as well as its Feed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }),
  });
}
