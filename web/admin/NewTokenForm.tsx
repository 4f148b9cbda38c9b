import { Button, Checkbox, CopyButton, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ApiTokenScope, apiTokenInputSchema } from "../../common/admin.ts";
import { useCreateApiToken } from "../api/admin.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors, fieldProblems } from "../ui/form-errors.ts";
import { UserPicker } from "./UserPicker.tsx";

const scopeChoices: { value: ApiTokenScope; label: string; description: string }[] = [
  { value: "read", label: "Read", description: "See what its user may see." },
  { value: "write", label: "Write", description: "Make changes: submit, comment, update tickets." },
  { value: "admin", label: "Admin", description: "Use the admin API (with Read and Write for what it does)." },
];

const expiryChoices = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never (until revoked)" },
];

/** Name a token, choose whom it acts as, what it may do and how long; then show the token, this once. */
export function NewTokenForm({ onDone }: { onDone: () => void }) {
  const create = useCreateApiToken();
  const form = useForm<{ name: string; userId: string; scopes: ApiTokenScope[]; expiresInDays: number | null }>({
    initialValues: { name: "", userId: "", scopes: ["read"], expiresInDays: 90 },
    validate: (values) => fieldErrors(apiTokenInputSchema, values),
  });
  if (create.isSuccess) {
    return (
      <Stack gap="md">
        <TextInput label="Token" value={create.data.token} readOnly onFocus={(e) => e.currentTarget.select()} />
        <Text fw={600}>Copy it now: it will not be shown again.</Text>
        <Group justify="flex-end">
          <CopyButton value={create.data.token}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(values, { onError: (error) => form.setErrors(fieldProblems(error)) }),
      )}
    >
      <Stack gap="md">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <UserPicker
          label="Acts as"
          value={form.values.userId}
          onChange={(id) => form.setFieldValue("userId", id)}
          error={form.errors.userId as string | undefined}
        />
        <Checkbox.Group
          label="What it may do"
          value={form.values.scopes}
          onChange={(values) => form.setFieldValue("scopes", values as ApiTokenScope[])}
          error={form.errors.scopes as string | undefined}
        >
          <Stack gap="xs" mt="xs">
            {scopeChoices.map((choice) => (
              <Checkbox key={choice.value} value={choice.value} label={choice.label} description={choice.description} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label="Expires"
          data={expiryChoices}
          allowDeselect={false}
          value={form.values.expiresInDays === null ? "never" : String(form.values.expiresInDays)}
          onChange={(value) => form.setFieldValue("expiresInDays", !value || value === "never" ? null : Number(value))}
          error={form.errors.expiresInDays as string | undefined}
        />
        <FormAlert error={create.error} shown={["name", "userId", "scopes", "expiresInDays"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
