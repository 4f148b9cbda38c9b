import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import { useRef } from "react";
import { Dialog } from "../ui/Dialog.tsx";
import { FormAlert } from "./FormAlert.tsx";
import { fieldProblems } from "./form-problems.ts";

export type NameEdit = { title: string; id?: string; name: string; extra?: Record<string, unknown> } | null;
type SaveHook = () => UseMutationResult<unknown, Error, { id?: string } & Record<string, unknown>>;
/** The one field: most things have a name; a withdrawal reason has a label. */
type Field = { key: "name" | "label"; label: string };
const nameField: Field = { key: "name", label: "Name" };

/** Create or rename something that has only a name: a group, an account, a department, a category. */
export function NameModal({
  useSave,
  edit,
  onClose,
  field = nameField,
}: {
  useSave: SaveHook;
  edit: NameEdit;
  onClose: () => void;
  field?: Field;
}) {
  // The dialog fades out after closing; it keeps its last title meanwhile rather than showing an empty heading.
  const lastTitle = useRef("");
  if (edit) lastTitle.current = edit.title;
  return (
    <Dialog opened={edit !== null} onClose={onClose} title={lastTitle.current}>
      {/* A fresh form (and mutation state) for each entry opened. */}
      {edit && (
        <NameForm key={`${edit.title}:${edit.id ?? ""}`} useSave={useSave} edit={edit} field={field} onDone={onClose} />
      )}
    </Dialog>
  );
}

function NameForm({
  useSave,
  edit,
  field,
  onDone,
}: {
  useSave: SaveHook;
  edit: NonNullable<NameEdit>;
  field: Field;
  onDone: () => void;
}) {
  const save = useSave();
  const form = useForm({ initialValues: { name: edit.name } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ name }) =>
        save.mutate(
          { ...(edit.id ? { id: edit.id } : {}), ...edit.extra, [field.key]: name },
          {
            onSuccess: onDone,
            onError: (error) => {
              const problem = fieldProblems(error)[field.key];
              if (problem) form.setErrors({ name: problem });
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label={field.label} data-autofocus {...form.getInputProps("name")} />
        <FormAlert error={save.error} shown={[field.key]} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
