import { Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type Role, roleInputSchema } from "../../common/admin.ts";
import { useSaveDirectoryEntry } from "../api/admin.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { FormAlert } from "./FormAlert.tsx";
import { fieldProblems } from "./form-problems.ts";

export type RoleEdit = { role: Role | null } | null;

export function RoleModal({
  edit,
  permissions,
  onClose,
}: {
  edit: RoleEdit;
  permissions: { name: string; description: string }[];
  onClose: () => void;
}) {
  return (
    <Dialog
      opened={edit !== null}
      onClose={onClose}
      title={edit?.role ? `Edit ${edit.role.name}` : "New role"}
      size="lg"
    >
      {edit && <RoleForm key={edit.role?.id ?? "new"} role={edit.role} permissions={permissions} onDone={onClose} />}
    </Dialog>
  );
}

function RoleForm({
  role,
  permissions,
  onDone,
}: {
  role: Role | null;
  permissions: { name: string; description: string }[];
  onDone: () => void;
}) {
  const save = useSaveDirectoryEntry("roles");
  const form = useForm<{ name: string; permissions: string[] }>({
    initialValues: { name: role?.name ?? "", permissions: role?.permissions ?? [] },
    validate: (values) => fieldErrors(roleInputSchema, values),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...(role ? { id: role.id } : {}), ...values },
          {
            onSuccess: onDone,
            onError: (error) => form.setErrors(fieldProblems(error)),
          },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <Checkbox.Group label="Permissions" {...form.getInputProps("permissions")}>
          <Stack gap="xs" mt="xs">
            {permissions.map((p) => (
              <Checkbox
                key={p.name}
                value={p.name}
                label={
                  <Text span size="sm">
                    {p.description}{" "}
                    <Text span size="xs" c="dimmed">
                      {p.name}
                    </Text>
                  </Text>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormAlert error={save.error} shown={["name", "permissions"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
