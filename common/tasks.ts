import { z } from "zod";

export const taskTitleMaxLength = 200;

const title = z
  .string({ error: "Enter what needs doing." })
  .trim()
  .min(1, "Enter what needs doing.")
  .max(taskTitleMaxLength, `Keep the task under ${taskTitleMaxLength} characters.`);
const assigneeId = z.uuid({ error: "Choose an agent from the list." }).nullable();
/** A calendar day: the date input's own format, so no time zone moves it. */
const dueOn = z.iso.date({ error: "Enter a date, like 2026-03-31." }).nullable();

export const taskInputSchema = z.object({
  title,
  assigneeId: assigneeId.default(null),
  dueOn: dueOn.default(null),
});
export type TaskInput = z.infer<typeof taskInputSchema>;

/** Change any of a task's fields; `done` ticks it off or opens it again. */
export const taskUpdateSchema = z
  .object({ title, assigneeId, dueOn, done: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, { error: "Change at least one field." });
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof taskSchema>;

/** The ticket's tasks, oldest first, and the agents a task can be given to. */
export const taskListSchema = z.object({
  tasks: z.array(taskSchema),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TaskList = z.infer<typeof taskListSchema>;

export const taskParamsSchema = z.object({ number: z.string().max(20), id: z.uuid() });
