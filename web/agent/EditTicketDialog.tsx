import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { fieldsSchema } from "../../common/fields.ts";
import type { TicketUpdate } from "../../common/ticket-edit.ts";
import type { Priority, TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useDirectory, useUpdateTicket } from "../api/workspace.ts";
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
  return (
    <QueryView query={directory} loading={t("agent.common.loadingForm")}>
      {(data) => <EditForm ticket={ticket} directory={data} onDone={onDone} />}
    </QueryView>
  );
}

function EditForm({
  ticket,
  directory,
  onDone,
}: {
  ticket: TicketDetail;
  directory: NonNullable<ReturnType<typeof useDirectory>["data"]>;
  onDone: () => void;
}) {
  const t = useT();
  const statuses = useStatuses();
  const update = useUpdateTicket(ticket.number);
  // The ticket as the dialog opened on it. The page keeps `ticket` live while the dialog is open, so a
  // colleague's change can arrive meanwhile; comparing with this, not with `ticket`, tells what this agent changed.
  const [opened] = useState(() => formValuesOf(ticket));
  const [subject, setSubject] = useState(opened.subject);
  const [typeId, setTypeId] = useState(opened.typeId);
  const [statusId, setStatusId] = useState(opened.statusId);
  const [priority, setPriority] = useState<Priority>(opened.priority);
  const [assigneeId, setAssigneeId] = useState(opened.assigneeId);
  const [groupId, setGroupId] = useState(opened.groupId);
  const [categoryId, setCategoryId] = useState(opened.categoryId);
  const [values, setValues] = useState<Record<string, unknown>>(opened.values);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const navigate = useNavigate();
  const keepsSight = useKeepsSight(directory);
  // Warn only about what this save changes: a ticket already out of sight was reached some other way.
  const movesAway =
    (groupId !== opened.groupId || assigneeId !== opened.assigneeId) &&
    !keepsSight(groupId || null, assigneeId || null);
  const fields = directory.ticketTypes.find((type) => type.id === typeId)?.fields ?? [];
  const members = groupId ? directory.agents.filter((a) => a.groupIds.includes(groupId)) : directory.agents;

  const save = (confirmLoseAccess = movesAway) => {
    const typeChanged = typeId !== opened.typeId;
    const changedFields = fields.filter((f) => !sameValue(values[f.key], opened.values[f.key]));
    // The server replaces the whole set of field values. With the type kept, that set is the ticket's values as
    // they are now (a colleague's edit included) with this agent's changes on top; a new type starts from the form.
    const base = typeChanged ? values : formValuesOf(ticket).values;
    const fieldValues = Object.fromEntries(
      fields
        .map((f) => [f.key, changedFields.includes(f) ? values[f.key] : base[f.key]])
        .filter(([, v]) => v !== undefined),
    );
    const sendsFields = typeChanged || changedFields.length > 0;
    const checked = fieldsSchema(fields, "agent", t).safeParse(fieldValues);
    const problems: Record<string, string> = {};
    if (!subject.trim()) problems.subject = t("validation.enterSubject");
    if (sendsFields && !checked.success) {
      for (const issue of checked.error.issues)
        problems[`fields.${issue.path.join(".")}`] = localizeSentence(issue.message);
    }
    setErrors(problems);
    if (Object.keys(problems).length) return;
    // Only what the agent changed is sent ("only what is sent changes"): sending every field would put back
    // whatever a colleague changed while this dialog was open (an assignee, a status) without anyone noticing.
    const changes: TicketUpdate = {
      ...(subject.trim() !== opened.subject ? { subject: subject.trim() } : {}),
      ...(typeChanged ? { typeId: typeId || null } : {}),
      ...(statusId !== opened.statusId ? { statusId } : {}),
      ...(priority !== opened.priority ? { priority } : {}),
      ...(assigneeId !== opened.assigneeId ? { assigneeId: assigneeId || null } : {}),
      ...(groupId !== opened.groupId ? { groupId: groupId || null } : {}),
      ...(categoryId !== opened.categoryId ? { categoryId: categoryId || null } : {}),
      ...(sendsFields && checked.success ? { fields: checked.data } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { ...changes, ...(confirmLoseAccess ? { confirmLoseAccess: true } : {}) },
      {
        onSuccess: () => {
          onDone();
          // The ticket page would now say "not found": back to the list instead.
          if (confirmLoseAccess) navigate("/agent/tickets");
        },
        onError: (error) => {
          if (error instanceof ApiError) setErrors(error.fields);
        },
      },
    );
  };
  const refusedForSight = update.error instanceof ApiError && update.error.code === "conflict";
  // Custom fields show their problems under themselves ("fields.cost_centre"), the rest under their inputs.
  const shown = ["subject", "typeId", "fields", "groupId", "assigneeId", "statusId", "priority", "categoryId"];

  return (
    <Form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
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
        {refusedForSight && update.error && (
          <Alert color="yellow" title={t("agent.edit.refusedTitle")}>
            {update.error.message}
            <Group mt="xs">
              <Button size="xs" color="yellow.9" onClick={() => save(true)}>
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
          <Button type="submit" loading={update.isPending}>
            {movesAway ? t("agent.edit.saveAndLose") : t("agent.edit.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
