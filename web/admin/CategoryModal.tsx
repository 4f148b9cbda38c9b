import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useSaveCategory } from "../api/catalog-admin.ts";
import { ApiError } from "../api/client.ts";
import { Dialog } from "../ui/Dialog.tsx";

export type CategoryEdit = { title: string; id?: string; name: string; parentId?: string | null } | null;

export function CategoryModal({ edit, onClose }: { edit: CategoryEdit; onClose: () => void }) {
  const lastTitle = useRef("");
  if (edit) lastTitle.current = edit.title;
  return (
    <Dialog opened={edit !== null} onClose={onClose} title={lastTitle.current}>
      {edit && <CategoryForm key={`${edit.title}:${edit.id ?? ""}`} edit={edit} onDone={onClose} />}
    </Dialog>
  );
}

function CategoryForm({ edit, onDone }: { edit: NonNullable<CategoryEdit>; onDone: () => void }) {
  const save = useSaveCategory();
  const form = useForm({ initialValues: { name: edit.name } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ name }) =>
        save.mutate(
          { ...(edit.id ? { id: edit.id } : {}), name, parentId: edit.parentId ?? null },
          {
            onSuccess: onDone,
            onError: (error) => {
              if (error instanceof ApiError) form.setErrors(error.fields);
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        {save.isError && !(save.error instanceof ApiError && save.error.fields.name) && (
          <Alert color="red">{save.error.message}</Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
