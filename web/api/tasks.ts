import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type TaskInput, type TaskUpdate, taskListSchema } from "../../common/tasks.ts";
import { request } from "./client.ts";

const keyOf = (number: number) => ["tickets", "tasks", number] as const;

export function useTasks(number: number) {
  return useQuery({
    queryKey: keyOf(number),
    queryFn: () => request(`/api/v1/tickets/${number}/tasks`, { schema: taskListSchema }),
  });
}

/** A task change shows in the Feed too: reload the ticket's data, tasks included. */
function useTaskAction<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tickets"] }) });
}

export const useAddTask = (number: number) =>
  useTaskAction((input: TaskInput) =>
    request(`/api/v1/tickets/${number}/tasks`, {
      method: "POST",
      body: input,
      schema: z.object({ id: z.string() }),
    }),
  );

export const useUpdateTask = (number: number) =>
  useTaskAction(({ id, ...update }: TaskUpdate & { id: string }) =>
    request(`/api/v1/tickets/${number}/tasks/${id}`, { method: "PATCH", body: update }),
  );

export const useRemoveTask = (number: number) =>
  useTaskAction((id: string) => request(`/api/v1/tickets/${number}/tasks/${id}`, { method: "DELETE" }));
