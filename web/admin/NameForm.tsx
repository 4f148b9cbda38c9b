import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";

/** The one field: most things have a name; a withdrawal reason has a label. */
type Field = { key: "name" | "label"; label: string };

/**
 * Create or rename something that has only a name: a group, an account, a department, a category.
 * `toInput` adds what else the entry keeps (the account a department is under).
 */
export function NameForm<T>({
  initial,
  toInput,
  submit,
  error,
  pending,
  field,
}: {
  submit: (input: T, showFieldErrors?: (errors: Record<string, string>) => void) => void;
  error: Error | null;
  pending: boolean;
  initial: string;
  toInput: (name: string) => T;
  field?: Field;
}) {
  const t = useT();
  const { key, label } = field ?? { key: "name", label: t("admin.form.name") };
  const form = useForm({ initialValues: { name: initial } });
  return (
    <Form
      noValidate
      onSubmit={form.onSubmit(({ name }) =>
        submit(toInput(name), (errors) => {
          const problem = errors[key];
          if (problem) form.setErrors({ name: problem });
        }),
      )}
    >
      <Stack gap="md">
        <TextInput label={label} data-autofocus {...form.getInputProps("name")} />
        <FormAlert error={error} shown={[key]} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.form.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
