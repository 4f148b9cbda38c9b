import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { Task, TaskList } from "../../common/tasks.ts";
import { ApiError } from "../api/client.ts";
import { useAddTask, useRemoveTask, useTasks, useUpdateTask } from "../api/tasks.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { QueryView } from "../ui/QueryView.tsx";

const problem = (error: Error | null, field: string) =>
  error ? (error instanceof ApiError ? (error.fields[field] ?? null) : error.message) : null;

/** Due dates are calendar days: shown as that day wherever the reader is, in the reader's language. */
const formatDue = (t: ReturnType<typeof useT>, day: string) =>
  t.intl.formatDate(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

/** Agents' to-do list on a ticket: add, tick off, remove. Customers never see it. */
export function TasksPanel({ number }: { number: number }) {
  const t = useT();
  const tasks = useTasks(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="tasks-heading">
      <Title order={2} size="h4" id="tasks-heading" mb="sm">
        {t("agent.tasks.title")}
      </Title>
      <QueryView query={tasks} loading={t("agent.tasks.loading")}>
        {(data) => (
          <Stack gap="sm">
            <TaskItems number={number} tasks={data.tasks} assignees={data.assignees} />
            <AddTaskForm number={number} assignees={data.assignees} />
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

function TaskItems({ number, tasks, assignees }: { number: number; tasks: Task[]; assignees: TaskList["assignees"] }) {
  const t = useT();
  const update = useUpdateTask(number);
  const remove = useRemoveTask(number);
  const [editing, setEditing] = useState<Task | null>(null);
  if (tasks.length === 0) return <Text size="sm">{t("agent.tasks.none")}</Text>;
  const open = tasks.filter((task) => !task.done).length;
  return (
    <>
      <Text size="sm" c="dimmed" aria-live="polite">
        {open === 0 ? t("agent.tasks.allDone") : t("agent.tasks.open", { open, total: tasks.length })}
      </Text>
      <Stack
        gap={6}
        component="ul"
        aria-label={t("agent.tasks.list")}
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
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
                  task.assignee ? t("agent.tasks.for", { name: task.assignee.name }) : t("agent.common.unassigned"),
                  task.dueOn ? t("agent.tasks.due", { day: formatDue(t, task.dueOn) }) : null,
                  task.done && task.doneBy ? t("agent.tasks.doneBy", { name: task.doneBy }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={t("agent.tasks.editNamed", { title: task.title })}
                onClick={() => {
                  update.reset(); // last time's refusal must not greet this edit
                  setEditing(task);
                }}
              >
                {t("agent.common.edit")}
              </Button>
              <CloseButton
                aria-label={t("agent.tasks.removeNamed", { title: task.title })}
                onClick={() => remove.mutate(task.id)}
              />
            </Group>
          </Group>
        ))}
      </Stack>
      {(update.isError || remove.isError) && (
        <Text size="sm" c="red.9" role="alert">
          {(update.error ?? remove.error)?.message}
        </Text>
      )}
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t("agent.tasks.edit")}>
        {editing && (
          <TaskFields
            initial={{ title: editing.title, assigneeId: editing.assignee?.id ?? null, dueOn: editing.dueOn ?? "" }}
            assignees={assignees}
            mutation={update}
            submitLabel={t("agent.tasks.save")}
            onSubmit={(fields, done) =>
              update.mutate(
                { id: editing.id, ...fields },
                {
                  onSuccess: () => {
                    done();
                    setEditing(null);
                  },
                },
              )
            }
          />
        )}
      </Dialog>
    </>
  );
}

type Fields = { title: string; assigneeId: string | null; dueOn: string | null };

function AddTaskForm({ number, assignees }: { number: number; assignees: TaskList["assignees"] }) {
  const t = useT();
  const add = useAddTask(number);
  return (
    <TaskFields
      initial={{ title: "", assigneeId: null, dueOn: "" }}
      assignees={assignees}
      mutation={add}
      submitLabel={t("agent.tasks.add")}
      label={t("agent.tasks.addLabel")}
      titleLabel={t("agent.tasks.new")}
      onSubmit={(fields, done) => add.mutate(fields, { onSuccess: done })}
    />
  );
}

/** A task's title, assignee and due date: the add form, and the edit dialog's form. */
function TaskFields({
  initial,
  assignees,
  mutation,
  submitLabel,
  label,
  titleLabel,
  onSubmit,
}: {
  initial: { title: string; assigneeId: string | null; dueOn: string };
  assignees: TaskList["assignees"];
  mutation: Pick<UseMutationResult<unknown, Error, never>, "error" | "isError" | "isPending">;
  submitLabel: string;
  label?: string;
  titleLabel?: string;
  /** `done` clears the fields that still hold what was sent, once the server has the change. */
  onSubmit: (fields: Fields, done: () => void) => void;
}) {
  const t = useT();
  const [title, setTitle] = useState(initial.title);
  const [assigneeId, setAssigneeId] = useState<string | null>(initial.assigneeId);
  const [dueOn, setDueOn] = useState(initial.dueOn);
  const error = mutation.error;
  // What was last sent: while it is on its way, sending the same again is a double press, not a new task.
  const lastSent = useRef("");
  return (
    <Form
      aria-label={label ?? t("agent.tasks.changeLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        const sent = { title, assigneeId, dueOn };
        if (mutation.isPending && JSON.stringify(sent) === lastSent.current) return;
        lastSent.current = JSON.stringify(sent);
        // Clears what was sent, not what was typed while the server answered (the next task, on a busy server).
        onSubmit({ title, assigneeId, dueOn: dueOn || null }, () => {
          setTitle((now) => (now === sent.title ? initial.title : now));
          setAssigneeId((now) => (now === sent.assigneeId ? initial.assigneeId : now));
          setDueOn((now) => (now === sent.dueOn ? initial.dueOn : now));
        });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={titleLabel ?? t("agent.tasks.task")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={problem(error, "title") ?? (mutation.isError && !(error instanceof ApiError) ? error?.message : null)}
        />
        <Group gap="xs" grow>
          <Select
            label={t("agent.field.assignee")}
            placeholder={t("agent.common.unassigned")}
            data={assignees.map((a) => ({ value: a.id, label: a.name }))}
            value={assigneeId}
            onChange={setAssigneeId}
            clearable
            searchable
            error={problem(error, "assigneeId")}
          />
          <TextInput
            label={t("agent.tasks.dueDate")}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={problem(error, "dueOn")}
          />
        </Group>
        <Group>
          {/* Busy, not disabled: a disabled submit button makes Enter in the fields do nothing, and the next task
              typed and entered while the last one was being saved was silently dropped. */}
          <Button
            type="submit"
            variant="default"
            aria-busy={mutation.isPending}
            rightSection={mutation.isPending ? <Loader size={14} /> : undefined}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
