import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { type Macro, type MacroPlaceholder, macroPlaceholders } from "../../common/macros.ts";
import type { Priority } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useDeleteMacro, useSaveMacro } from "../api/macros.ts";
import { useDirectory } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { LazyRichTextField as RichTextField } from "../ui/LazyRichTextField.tsx";
import { placeholderMeaning, priorityOptions } from "./agent-words.ts";

/** What is being edited: a new macro (shared or personal) or an existing one; null when the dialog is closed. */
export type MacroEdit = { shared: boolean; macro?: Macro } | null;

/** Create or change a macro: its name, the text it inserts and the fields it sets. */
export function MacroModal({
  edit,
  onClose,
  deletable = false,
}: {
  edit: MacroEdit;
  onClose: () => void;
  /** Offer "Delete macro" for an existing one (the ticket page has no other place for it). */
  deletable?: boolean;
}) {
  const t = useT();
  const title = edit?.macro
    ? t("agent.macro.editNamed", { name: edit.macro.name })
    : edit?.shared
      ? t("agent.macro.newShared")
      : t("agent.macro.newPersonal");
  return (
    <Dialog opened={edit !== null} onClose={onClose} title={title} size="lg">
      {edit && <MacroForm edit={edit} onDone={onClose} deletable={deletable} />}
    </Dialog>
  );
}

function MacroForm({
  edit,
  onDone,
  deletable,
}: {
  edit: NonNullable<MacroEdit>;
  onDone: () => void;
  deletable: boolean;
}) {
  const t = useT();
  const save = useSaveMacro();
  const remove = useDeleteMacro();
  const statuses = useStatuses();
  const [name, setName] = useState(edit.macro?.name ?? "");
  const [body, setBody] = useState(edit.macro?.body ?? "");
  const [statusId, setStatusId] = useState<string | null>(edit.macro?.statusId ?? null);
  const [priority, setPriority] = useState<string | null>(edit.macro?.priority ?? null);
  const [assigneeId, setAssigneeId] = useState<string | null>(edit.macro?.assigneeId ?? null);
  const [groupId, setGroupId] = useState<string | null>(edit.macro?.groupId ?? null);
  const directory = useDirectory();
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const placeholders = (Object.keys(macroPlaceholders) as MacroPlaceholder[])
    .map((key) => `{{${key}}} ${placeholderMeaning(t, key)}`)
    .join(", ");
  return (
    <Form
      aria-label={t("agent.macro.formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            ...(edit.macro ? { id: edit.macro.id } : {}),
            name,
            body: body === "<p></p>" ? "" : body,
            shared: edit.shared,
            statusId,
            priority: priority as Priority | null,
            assigneeId,
            groupId,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("agent.macro.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          data-autofocus
        />
        <RichTextField
          label={t("agent.macro.text")}
          description={t("agent.macro.placeholders", { list: placeholders })}
          initialContent={edit.macro?.body ?? ""}
          onChange={(html) => setBody(html)}
          error={fields.body}
        />
        <Group grow>
          <Select
            label={t("agent.common.setStatus")}
            placeholder={t("agent.common.leaveAsIs")}
            data={(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))}
            value={statusId}
            onChange={setStatusId}
            clearable
            error={fields.statusId}
          />
          <Select
            label={t("agent.common.setPriority")}
            placeholder={t("agent.common.leaveAsIs")}
            data={priorityOptions(t)}
            value={priority}
            onChange={setPriority}
            clearable
            error={fields.priority}
          />
        </Group>
        <Group grow>
          <Select
            label={t("agent.macro.assignToGroup")}
            placeholder={t("agent.common.leaveAsIs")}
            data={(directory.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={groupId}
            onChange={setGroupId}
            clearable
            error={fields.groupId}
          />
          <Select
            label={t("agent.macro.assignToAgent")}
            placeholder={t("agent.common.leaveAsIs")}
            data={(directory.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={assigneeId}
            onChange={setAssigneeId}
            clearable
            searchable
            error={fields.assigneeId}
          />
        </Group>
        {edit.shared && <Text size="sm">{t("agent.macro.sharedExplained")}</Text>}
        <FormAlert error={save.error} shown={["name", "body", "statusId", "priority", "groupId", "assigneeId"]} />
        <FormAlert error={remove.error} />
        <Group justify="flex-end">
          {deletable && edit.macro && (
            <Button
              variant="default"
              color="red"
              loading={remove.isPending}
              onClick={() => edit.macro && remove.mutate(edit.macro.id, { onSuccess: onDone })}
            >
              {t("agent.macro.delete")}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {t("agent.macro.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
