import { Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { apiTokenInputSchema } from "../../common/admin.ts";
import { useCreateApiToken } from "../api/admin.ts";
import { fieldErrors } from "../ui/form-errors.ts";
import { FormAlert } from "./FormAlert.tsx";
import { fieldProblems } from "./form-problems.ts";
import { UserPicker } from "./UserPicker.tsx";

/** Name a token and choose whom it acts as; then show the token, this once. */
export function NewTokenForm({ onDone }: { onDone: () => void }) {
  const create = useCreateApiToken();
  const form = useForm({
    initialValues: { name: "", userId: "" },
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
        <FormAlert error={create.error} shown={["name", "userId"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
