import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { fieldsSchema } from "../../common/fields.ts";
import type { TicketUpdate } from "../../common/ticket-edit.ts";
import type { Priority, TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { readTicketVersion, useDirectory, useUpdateTicket } from "../api/workspace.ts";
import { CustomFieldInput } from "../catalog/CustomFieldInput.tsx";
import { localizeSentence } from "../i18n/sentences.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { priorityOptions } from "./agent-words.ts";
import { useKeepsSight } from "./use-keeps-sight.ts";

const none = "";

/** What the form shows for a ticket: its values, with "none" for what is not set. */
function formValuesOf(ticket: TicketDetail) {
  return {
    subject: ticket.subject,
    typeId: ticket.ticketType?.id ?? none,
    statusId: ticket.status.id,
    priority: ticket.priority,
    assigneeId: ticket.assignee?.id ?? none,
    groupId: ticket.group?.id ?? none,
    categoryId: ticket.category?.id ?? none,
    values: Object.fromEntries(ticket.fields.filter((f) => f.value !== null).map((f) => [f.key, f.value])) as Record<
      string,
      unknown
    >,
  };
}

/** Field values are strings, numbers, booleans or lists of strings: equal when they print the same. */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * "Updating ticket": the fields of the ticket's type (Domain and Domain
 * Approved for a domain approval), then assignee, group, status, priority and
 * category. Checked with the same schema as the server before it is sent.
 */
export function EditTicketDialog({
  ticket,
  opened,
  onClose,
}: {
  ticket: TicketDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t("agent.edit.title")} size="lg">
      {opened && <EditTicketForm ticket={ticket} onDone={onClose} />}
    </Dialog>
  );
}

function EditTicketForm({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const t = useT();
  const directory = useDirectory({ fresh: true });
  // The form starts from a read of its own rather than the page's copy, so that it knows which version of the
  // ticket it shows: a save names that version (If-Match), and so learns when someone changed the ticket since.
  const start = useQuery({
    queryKey: ["ticket-edit", ticket.number],
    queryFn: () => readTicketVersion(ticket.number),
    gcTime: 0,
    refetchOnMount: "always",
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  return (
    <QueryView query={directory} loading={t("agent.common.loadingForm")}>
      {(data) => (
        <QueryView query={start} loading={t("agent.common.loadingForm")}>
          {(read) => <EditForm ticket={ticket} start={read} directory={data} onDone={onDone} />}
        </QueryView>
      )}
    </QueryView>
  );
}

type FormValues = ReturnType<typeof formValuesOf>;
type Key = Exclude<keyof FormValues, "values">;
const keys: readonly Key[] = ["subject", "typeId", "statusId", "priority", "assigneeId", "groupId", "categoryId"];
/** A read of the ticket that a save builds on: its values, and the version (ETag) the save names. */
type Base = { values: FormValues; version: string | null };
/** How many times a save merges a colleague's unrelated change and tries again before it gives up. */
const mergeAttempts = 3;

function EditForm({
  ticket,
  start,
  directory,
  onDone,
}: {
  ticket: TicketDetail;
  start: { ticket: TicketDetail; version: string | null };
  directory: NonNullable<ReturnType<typeof useDirectory>["data"]>;
  onDone: () => void;
}) {
  const t = useT();
  const statuses = useStatuses();
  const update = useUpdateTicket(ticket.number);
  // The ticket as the dialog opened on it: comparing the form with this tells what this agent changed.
  const [opened] = useState(() => formValuesOf(start.ticket));
  // The read the next save builds on and names with If-Match. It moves on when a save finds that someone
  // changed the ticket meanwhile: their changes are kept, and where they touch what this agent changed too,
  // the agent is asked first.
  const [base, setBase] = useState<Base>(() => ({ values: opened, version: start.version }));
  // Labels of the fields that someone else changed while this agent changed them too.
  const [collisions, setCollisions] = useState<string[]>([]);
  const [subject, setSubject] = useState(opened.subject);
  const [typeId, setTypeId] = useState(opened.typeId);
  const [statusId, setStatusId] = useState(opened.statusId);
  const [priority, setPriority] = useState<Priority>(opened.priority);
  const [assigneeId, setAssigneeId] = useState(opened.assigneeId);
  const [groupId, setGroupId] = useState(opened.groupId);
  const [categoryId, setCategoryId] = useState(opened.categoryId);
  const [values, setValues] = useState<Record<string, unknown>>(opened.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [merging, setMerging] = useState(false);

  const navigate = useNavigate();
  const keepsSight = useKeepsSight(directory);
  // Warn only about what this save changes: a ticket already out of sight was reached some other way.
  const movesAway =
    (groupId !== opened.groupId || assigneeId !== opened.assigneeId) &&
    !keepsSight(groupId || null, assigneeId || null);
  const fields = directory.ticketTypes.find((type) => type.id === typeId)?.fields ?? [];
  const members = groupId ? directory.agents.filter((a) => a.groupIds.includes(groupId)) : directory.agents;
  const form: FormValues = {
    subject: subject.trim(),
    typeId,
    statusId,
    priority,
    assigneeId,
    groupId,
    categoryId,
    values,
  };
  const labels: Record<Key, string> = {
    subject: t("agent.field.subject"),
    typeId: t("agent.field.type"),
    statusId: t("agent.field.status"),
    priority: t("agent.field.priority"),
    assigneeId: t("agent.field.assignee"),
    groupId: t("agent.field.group"),
    categoryId: t("agent.field.category"),
  };

  /** The change this form makes to a ticket at `on`, or problems to show; null when it changes nothing. */
  const changeOn = (on: FormValues): { changes: TicketUpdate } | { problems: Record<string, string> } | null => {
    const typeChanged = typeId !== opened.typeId;
    const changedFields = fields.filter((f) => !sameValue(values[f.key], opened.values[f.key]));
    // The server replaces the whole set of field values. With the type kept, that set is the ticket's values as
    // the save's read has them (a colleague's edit included) with this agent's changes on top; a new type starts
    // from the form.
    const kept = typeChanged ? values : on.values;
    const fieldValues = Object.fromEntries(
      fields
        .map((f) => [f.key, changedFields.includes(f) ? values[f.key] : kept[f.key]])
        .filter(([, v]) => v !== undefined),
    );
    const sendsFields = typeChanged || changedFields.length > 0;
    const checked = fieldsSchema(fields, "agent", t).safeParse(fieldValues);
    const problems: Record<string, string> = {};
    if (!form.subject) problems.subject = t("validation.enterSubject");
    if (sendsFields && !checked.success) {
      for (const issue of checked.error.issues)
        problems[`fields.${issue.path.join(".")}`] = localizeSentence(issue.message);
    }
    if (Object.keys(problems).length) return { problems };
    // Only what the agent changed is sent ("only what is sent changes"): sending every field would put back
    // whatever a colleague changed while this dialog was open (an assignee, a status) without anyone noticing.
    const changes: TicketUpdate = {
      ...(form.subject !== opened.subject ? { subject: form.subject } : {}),
      ...(typeChanged ? { typeId: typeId || null } : {}),
      ...(statusId !== opened.statusId ? { statusId } : {}),
      ...(priority !== opened.priority ? { priority } : {}),
      ...(assigneeId !== opened.assigneeId ? { assigneeId: assigneeId || null } : {}),
      ...(groupId !== opened.groupId ? { groupId: groupId || null } : {}),
      ...(categoryId !== opened.categoryId ? { categoryId: categoryId || null } : {}),
      ...(sendsFields && checked.success ? { fields: checked.data } : {}),
    };
    return Object.keys(changes).length ? { changes } : null;
  };

  /**
   * The fields both this agent and someone else changed between `seen` and `now`, by label. A field someone
   * else set to what this agent chose is no collision; neither is one this agent left alone (it is not sent).
   */
  const collisionsBetween = (seen: FormValues, now: FormValues): string[] => [
    ...keys.filter((k) => form[k] !== opened[k] && now[k] !== seen[k] && now[k] !== form[k]).map((k) => labels[k]),
    ...fields
      .filter((f) => !sameValue(values[f.key], opened.values[f.key]))
      .filter((f) => !sameValue(now.values[f.key], seen.values[f.key]) && !sameValue(now.values[f.key], values[f.key]))
      .map((f) => f.label),
  ];

  const save = async (confirmLoseAccess = movesAway) => {
    let on = base;
    setCollisions([]);
    for (let attempt = 0; attempt < mergeAttempts; attempt++) {
      const change = changeOn(on.values);
      if (change && "problems" in change) {
        setErrors(change.problems);
        return;
      }
      setErrors({});
      if (!change) {
        onDone();
        return;
      }
      try {
        await update.mutateAsync({
          ...change.changes,
          ...(confirmLoseAccess ? { confirmLoseAccess: true } : {}),
          ...(on.version ? { ifMatch: on.version } : {}),
        });
        onDone();
        // The ticket page would now say "not found": back to the list instead.
        if (confirmLoseAccess) navigate("/agent/tickets");
        return;
      } catch (error) {
        if (!(error instanceof ApiError)) return;
        if (error.code !== "precondition_failed") {
          setErrors(error.fields);
          return;
        }
      }
      // Someone changed the ticket since the read this save named. Read it again: their changes to other fields
      // are kept by sending this form's changes on top; where they changed what this agent changed, ask.
      setMerging(true);
      // Unreadable now (the network, a restart): the refusal stays on screen, saying to reload and try again.
      const now = await readTicketVersion(ticket.number)
        .catch(() => undefined)
        .finally(() => setMerging(false));
      if (!now) return;
      const next = { values: formValuesOf(now.ticket), version: now.version };
      const collided = collisionsBetween(on.values, next.values);
      setBase(next);
      if (collided.length) {
        update.reset();
        setCollisions(collided);
        return;
      }
      on = next;
    }
  };
  const refusedForSight = update.error instanceof ApiError && update.error.code === "conflict";
  // Custom fields show their problems under themselves ("fields.cost_centre"), the rest under their inputs.
  const shown = ["subject", "typeId", "fields", "groupId", "assigneeId", "statusId", "priority", "categoryId"];

  return (
    <Form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("agent.field.subject")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          data-autofocus
        />
        <Select
          label={t("agent.field.type")}
          data={directory.ticketTypes.map((type) => ({ value: type.id, label: type.name }))}
          value={typeId || null}
          onChange={(v) => setTypeId(v ?? none)}
          error={errors.typeId}
        />
        {fields.map((field) => (
          <CustomFieldInput
            key={field.key}
            field={field}
            value={values[field.key]}
            error={errors[`fields.${field.key}`]}
            onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("agent.field.group")}
            data={[
              { value: none, label: t("agent.common.noGroup") },
              ...directory.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            value={groupId}
            onChange={(v) => setGroupId(v ?? none)}
            allowDeselect={false}
            error={errors.groupId}
          />
          <Select
            label={t("agent.field.assignee")}
            description={groupId ? t("agent.edit.assigneeHint") : undefined}
            data={[
              { value: none, label: t("agent.common.unassigned") },
              ...members.map((a) => ({ value: a.id, label: a.name })),
            ]}
            value={assigneeId}
            onChange={(v) => setAssigneeId(v ?? none)}
            allowDeselect={false}
            searchable
            error={errors.assigneeId}
          />
          <Select
            label={t("agent.field.status")}
            data={(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))}
            value={statusId}
            onChange={(v) => v && setStatusId(v)}
            allowDeselect={false}
            error={errors.statusId}
          />
          <Select
            label={t("agent.field.priority")}
            data={priorityOptions(t)}
            value={priority}
            onChange={(v) => v && setPriority(v as Priority)}
            allowDeselect={false}
            error={errors.priority}
          />
          <Select
            label={t("agent.field.category")}
            data={[
              { value: none, label: t("agent.common.none") },
              ...directory.categories.map((c) => ({ value: c.id, label: c.name })),
            ]}
            value={categoryId}
            onChange={(v) => setCategoryId(v ?? none)}
            allowDeselect={false}
            error={errors.categoryId}
          />
        </SimpleGrid>
        {movesAway && (
          <Alert color="yellow" title={t("agent.edit.loseAccessTitle")}>
            {t("agent.edit.loseAccess")}
          </Alert>
        )}
        {collisions.length > 0 && (
          <Alert color="yellow" title={t("agent.edit.collisionTitle")} role="alert">
            {t("agent.edit.collision", { fields: collisions.join(", ") })}
          </Alert>
        )}
        {refusedForSight && update.error && (
          <Alert color="yellow" title={t("agent.edit.refusedTitle")}>
            {update.error.message}
            <Group mt="xs">
              <Button size="xs" color="yellow.9" onClick={() => void save(true)}>
                {t("agent.edit.saveAnyway")}
              </Button>
            </Group>
          </Alert>
        )}
        {!refusedForSight && <FormAlert error={update.error} shown={shown} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("agent.common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending || merging}>
            {movesAway ? t("agent.edit.saveAndLose") : t("agent.edit.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
