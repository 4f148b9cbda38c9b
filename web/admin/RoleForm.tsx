import { Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type Role, roleInputSchema } from "../../common/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { byTopField, fieldErrors } from "../ui/form-errors.ts";
import type { CollectionFormProps } from "./AdminCollectionPage.tsx";

export function RoleForm({
  item: role,
  submit,
  error,
  pending,
  permissions,
}: CollectionFormProps<typeof roleInputSchema, Role> & { permissions: { name: string; description: string }[] }) {
  const t = useT();
  const form = useForm<{ name: string; permissions: string[] }>({
    initialValues: { name: role?.name ?? "", permissions: role?.permissions ?? [] },
    validate: (values) => fieldErrors(roleInputSchema, values),
  });
  return (
    <Form
      noValidate
      onSubmit={form.onSubmit((values) => submit(values, (fields) => form.setErrors(byTopField(fields))))}
    >
      <Stack gap="md">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <Checkbox.Group label={t("admin.roles.permissions")} {...form.getInputProps("permissions")}>
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
        <FormAlert error={error} shown={["name", "permissions"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.roles.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
