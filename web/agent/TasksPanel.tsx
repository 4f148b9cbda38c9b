import { Button, Checkbox, CloseButton, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { Task, TaskList } from "../../common/tasks.ts";
import { ApiError } from "../api/client.ts";
import { useAddTask, useRemoveTask, useTasks, useUpdateTask } from "../api/tasks.ts";
import { QueryView } from "../ui/QueryView.tsx";

const problem = (error: Error | null, field: string) =>
  error ? (error instanceof ApiError ? (error.fields[field] ?? null) : error.message) : null;

const dueFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
/** Due dates are calendar days: shown as that day wherever the reader is. */
const formatDue = (day: string) => dueFormat.format(new Date(`${day}T00:00:00Z`));

/** Agents' to-do list on a ticket: add, tick off, remove. Customers never see it. */
export function TasksPanel({ number }: { number: number }) {
  const tasks = useTasks(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="tasks-heading">
      <Title order={2} size="h4" id="tasks-heading" mb="sm">
        Tasks
      </Title>
      <QueryView query={tasks} loading="Loading tasks">
        {(data) => (
          <Stack gap="sm">
            <TaskItems number={number} tasks={data.tasks} />
            <AddTaskForm number={number} assignees={data.assignees} />
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

function TaskItems({ number, tasks }: { number: number; tasks: Task[] }) {
  const update = useUpdateTask(number);
  const remove = useRemoveTask(number);
  if (tasks.length === 0) return <Text size="sm">No tasks yet.</Text>;
  const open = tasks.filter((t) => !t.done).length;
  return (
    <>
      <Text size="sm" c="dimmed" aria-live="polite">
        {open === 0 ? "All tasks complete." : `${open} of ${tasks.length} open.`}
      </Text>
      <Stack gap={6} component="ul" aria-label="Task list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tasks.map((task) => (
          <Group key={task.id} component="li" justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <Checkbox
                label={task.title}
                checked={task.done}
                onChange={(e) => update.mutate({ id: task.id, done: e.currentTarget.checked })}
                styles={{ label: task.done ? { textDecoration: "line-through" } : {} }}
              />
              <Text size="xs" c="dimmed" pl={32}>
                {[
                  task.assignee ? `For ${task.assignee.name}` : "Unassigned",
                  task.dueOn ? `due ${formatDue(task.dueOn)}` : null,
                  task.done && task.doneBy ? `done by ${task.doneBy}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Stack>
            <CloseButton aria-label={`Remove task ${task.title}`} onClick={() => remove.mutate(task.id)} />
          </Group>
        ))}
      </Stack>
      {(update.isError || remove.isError) && (
        <Text size="sm" c="red.9" role="alert">
          {(update.error ?? remove.error)?.message}
        </Text>
      )}
    </>
  );
}

function AddTaskForm({ number, assignees }: { number: number; assignees: TaskList["assignees"] }) {
  const add = useAddTask(number);
  const [title, setTitle] = useState("");
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState("");
  return (
    <form
      aria-label="Add a task"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { title, assigneeId, dueOn: dueOn || null },
          {
            onSuccess: () => {
              setTitle("");
              setAssigneeId(null);
              setDueOn("");
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <TextInput
          label="New task"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={
            problem(add.error, "title") ?? (add.isError && !(add.error instanceof ApiError) ? add.error.message : null)
          }
        />
        <Group gap="xs" grow>
          <Select
            label="Assignee"
            placeholder="Unassigned"
            data={assignees.map((a) => ({ value: a.id, label: a.name }))}
            value={assigneeId}
            onChange={setAssigneeId}
            clearable
            searchable
            error={problem(add.error, "assigneeId")}
          />
          <TextInput
            label="Due date"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={problem(add.error, "dueOn")}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
