import { Button, Group, Select, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type FieldInput, fieldInputSchema } from "../../common/catalog.ts";
import {
  type CustomerAccess,
  customerAccessLevels,
  type FieldDefinition,
  type FieldType,
  fieldTypes,
} from "../../common/fields.ts";
import { useSaveField } from "../api/catalog-admin.ts";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";

const fieldKeys = ["key", "label", "helpText", "type", "required", "options", "customerAccess", "position"];

export type FieldEdit = { ticketTypeId: string; field: FieldDefinition | null } | null;

type Translate = ReturnType<typeof useT>;

/** A field type's name in the reader's language (the ticket types page lists them too). */
export function fieldTypeLabel(t: Translate, type: FieldType): string {
  const labels: Record<FieldType, string> = {
    text: t("admin.fields.type.text"),
    long_text: t("admin.fields.type.longText"),
    number: t("admin.fields.type.number"),
    date: t("admin.fields.type.date"),
    email: t("admin.fields.type.email"),
    url: t("admin.fields.type.url"),
    domain: t("admin.fields.type.domain"),
    single_select: t("admin.fields.type.singleSelect"),
    multi_select: t("admin.fields.type.multiSelect"),
    checkbox: t("admin.fields.type.checkbox"),
  };
  return labels[type];
}

function accessLabel(t: Translate, access: CustomerAccess): string {
  const labels: Record<CustomerAccess, string> = {
    edit: t("admin.fields.access.edit"),
    read: t("admin.fields.access.read"),
    none: t("admin.fields.access.none"),
  };
  return labels[access];
}

export function FieldModal({ edit, onClose }: { edit: FieldEdit; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      opened={edit !== null}
      onClose={onClose}
      title={
        edit?.field
          ? t("admin.row.editNamed", { action: t("admin.row.edit"), name: edit.field.label })
          : t("admin.fields.new")
      }
      size="lg"
    >
      {edit && <FieldForm key={edit.field?.id ?? "new"} edit={edit} onDone={onClose} />}
    </Dialog>
  );
}

function FieldForm({ edit, onDone }: { edit: NonNullable<FieldEdit>; onDone: () => void }) {
  const t = useT();
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
    <Form
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
        <TextInput label={t("admin.fields.label")} data-autofocus {...form.getInputProps("label")} />
        <TextInput
          label={t("admin.fields.key")}
          description={t("admin.fields.keyHint")}
          {...form.getInputProps("key")}
        />
        <TextInput
          label={t("admin.fields.helpText")}
          {...form.getInputProps("helpText")}
          value={form.values.helpText ?? ""}
        />
        <Select
          label={t("admin.fields.type")}
          allowDeselect={false}
          data={fieldTypes.map((type) => ({ value: type, label: fieldTypeLabel(t, type) }))}
          {...form.getInputProps("type")}
        />
        {choice && (
          <TagsInput
            label={t("admin.fields.options")}
            description={t("admin.fields.optionsHint")}
            {...form.getInputProps("options")}
          />
        )}
        <Select
          label={t("admin.fields.whoSees")}
          allowDeselect={false}
          data={customerAccessLevels.map((a) => ({ value: a, label: accessLabel(t, a) }))}
          {...form.getInputProps("customerAccess")}
        />
        <Switch label={t("admin.fields.required")} {...form.getInputProps("required", { type: "checkbox" })} />
        <FormAlert error={save.error} shown={fieldKeys} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("admin.fields.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
