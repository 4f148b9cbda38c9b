import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type TaskInput, type TaskList, type TaskUpdate, taskListSchema } from "../../common/tasks.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketKeys } from "./ticket-cache.ts";

const keyOf = ticketKeys.tasks;

export const tasksQuery = (number: number) =>
  queryOptions({
    queryKey: keyOf(number),
    queryFn: () => request(`/api/v1/tickets/${number}/tasks`, { schema: taskListSchema }),
  });

export function useTasks(number: number) {
  return useQuery(tasksQuery(number));
}

/** A task change shows in the task list and the Feed; the ticket's other data stays as it is. */
function useTaskAction<T>(number: number, fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => refreshAfterChange(queryClient, [keyOf(number), ticketKeys.feed(number)]),
  });
}

export const useAddTask = (number: number) =>
  useTaskAction(number, (input: TaskInput) =>
    request(`/api/v1/tickets/${number}/tasks`, {
      method: "POST",
      body: input,
      schema: z.object({ id: z.string() }),
    }),
  );

/**
 * Ticking a task off (or editing it) shows at once: the cached list changes before the server answers, and goes
 * back with the error if it refuses. Then the list and the Feed catch up with what the server recorded.
 */
export function useUpdateTask(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...update }: TaskUpdate & { id: string }) =>
      request(`/api/v1/tickets/${number}/tasks/${id}`, { method: "PATCH", body: update }),
    onMutate: async ({ id, ...update }) => {
      await queryClient.cancelQueries({ queryKey: keyOf(number) });
      const before = queryClient.getQueryData<TaskList>(keyOf(number));
      if (before && update.done !== undefined) {
        const done = update.done;
        queryClient.setQueryData<TaskList>(keyOf(number), {
          ...before,
          tasks: before.tasks.map((task) => (task.id === id ? { ...task, done } : task)),
        });
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) queryClient.setQueryData(keyOf(number), context.before);
    },
    onSettled: () => refreshAfterChange(queryClient, [keyOf(number), ticketKeys.feed(number)]),
  });
}

export const useRemoveTask = (number: number) =>
  useTaskAction(number, (id: string) => request(`/api/v1/tickets/${number}/tasks/${id}`, { method: "DELETE" }));
