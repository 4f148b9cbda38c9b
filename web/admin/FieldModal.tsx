import { Button, Group, Select, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type FieldInput, fieldInputSchema } from "../../common/catalog.ts";
import { customerAccessLevels, type FieldDefinition, fieldTypeLabels, fieldTypes } from "../../common/fields.ts";
import { useSaveField } from "../api/catalog-admin.ts";
import { ApiError } from "../api/client.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";

const fieldKeys = ["key", "label", "helpText", "type", "required", "options", "customerAccess", "position"];

export type FieldEdit = { ticketTypeId: string; field: FieldDefinition | null } | null;

const accessLabels: Record<(typeof customerAccessLevels)[number], string> = {
  edit: "The customer fills it in on the form",
  read: "The customer sees it; agents set it",
  none: "Agents only",
};

export function FieldModal({ edit, onClose }: { edit: FieldEdit; onClose: () => void }) {
  return (
    <Dialog
      opened={edit !== null}
      onClose={onClose}
      title={edit?.field ? `Edit ${edit.field.label}` : "New field"}
      size="lg"
    >
      {edit && <FieldForm key={edit.field?.id ?? "new"} edit={edit} onDone={onClose} />}
    </Dialog>
  );
}

function FieldForm({ edit, onDone }: { edit: NonNullable<FieldEdit>; onDone: () => void }) {
  const save = useSaveField();
  const field = edit.field;
  const form = useForm<FieldInput>({
    initialValues: {
      key: field?.key ?? "",
      label: field?.label ?? "",
      helpText: field?.helpText ?? null,
      type: field?.type ?? "text",
      required: field?.required ?? false,
      options: field?.options ?? [],
      customerAccess: field?.customerAccess ?? "edit",
      position: field?.position ?? 0,
    },
    validate: (values) => fieldErrors(fieldInputSchema, values),
  });
  const choice = form.values.type === "single_select" || form.values.type === "multi_select";
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...(field ? { id: field.id } : {}), ticketTypeId: edit.ticketTypeId, ...fieldInputSchema.parse(values) },
          {
            onSuccess: onDone,
            onError: (error) => {
              if (error instanceof ApiError) form.setErrors(error.fields);
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <TextInput label="Label" data-autofocus {...form.getInputProps("label")} />
        <TextInput label="Key" description="Used by the API, like cost_centre." {...form.getInputProps("key")} />
        <TextInput label="Help text" {...form.getInputProps("helpText")} value={form.values.helpText ?? ""} />
        <Select
          label="Type"
          allowDeselect={false}
          data={fieldTypes.map((t) => ({ value: t, label: fieldTypeLabels[t] }))}
          {...form.getInputProps("type")}
        />
        {choice && (
          <TagsInput label="Options" description="Press Enter after each option." {...form.getInputProps("options")} />
        )}
        <Select
          label="Who sees it"
          allowDeselect={false}
          data={customerAccessLevels.map((a) => ({ value: a, label: accessLabels[a] }))}
          {...form.getInputProps("customerAccess")}
        />
        <Switch label="Required" {...form.getInputProps("required", { type: "checkbox" })} />
        <FormAlert error={save.error} shown={fieldKeys} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save field
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
