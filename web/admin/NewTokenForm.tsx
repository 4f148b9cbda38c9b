import { Button, Checkbox, CopyButton, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ApiTokenScope, apiTokenInputSchema } from "../../common/admin.ts";
import { useCreateApiToken } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors, fieldProblems } from "../ui/form-errors.ts";
import { UserPicker } from "./UserPicker.tsx";

/** A scope in words, as the token form offers it and the token list shows it. */
export function scopeLabel(t: ReturnType<typeof useT>, scope: ApiTokenScope): string {
  const labels: Record<ApiTokenScope, string> = {
    read: t("admin.apiTokens.scope.read"),
    write: t("admin.apiTokens.scope.write"),
    admin: t("admin.apiTokens.scope.admin"),
  };
  return labels[scope];
}

/** Name a token, choose whom it acts as, what it may do and how long; then show the token, this once. */
export function NewTokenForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const scopeChoices: { value: ApiTokenScope; label: string; description: string }[] = [
    { value: "read", label: scopeLabel(t, "read"), description: t("admin.apiTokens.scope.readHint") },
    { value: "write", label: scopeLabel(t, "write"), description: t("admin.apiTokens.scope.writeHint") },
    { value: "admin", label: scopeLabel(t, "admin"), description: t("admin.apiTokens.scope.adminHint") },
  ];
  const expiryChoices = [
    { value: "30", label: t("admin.apiTokens.expiry.days", { days: 30 }) },
    { value: "90", label: t("admin.apiTokens.expiry.days", { days: 90 }) },
    { value: "365", label: t("admin.apiTokens.expiry.year") },
    { value: "never", label: t("admin.apiTokens.expiry.never") },
  ];
  const create = useCreateApiToken();
  const form = useForm<{ name: string; userId: string; scopes: ApiTokenScope[]; expiresInDays: number | null }>({
    initialValues: { name: "", userId: "", scopes: ["read"], expiresInDays: 90 },
    validate: (values) => fieldErrors(apiTokenInputSchema, values),
  });
  if (create.isSuccess) {
    return (
      <Stack gap="md">
        <TextInput
          label={t("admin.apiTokens.token")}
          value={create.data.token}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <Text fw={600}>{t("admin.apiTokens.copyNow")}</Text>
        <Group justify="flex-end">
          <CopyButton value={create.data.token}>
            {({ copied, copy }) => (
              <Button onClick={copy}>{copied ? t("admin.apiTokens.copied") : t("admin.apiTokens.copy")}</Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            {t("admin.apiTokens.done")}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(values, { onError: (error) => form.setErrors(fieldProblems(error)) }),
      )}
    >
      <Stack gap="md">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <UserPicker
          label={t("admin.apiTokens.actsAs")}
          value={form.values.userId}
          onChange={(id) => form.setFieldValue("userId", id)}
          error={form.errors.userId as string | undefined}
        />
        <Checkbox.Group
          label={t("admin.apiTokens.whatItMayDo")}
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
          label={t("admin.apiTokens.expires")}
          data={expiryChoices}
          allowDeselect={false}
          value={form.values.expiresInDays === null ? "never" : String(form.values.expiresInDays)}
          onChange={(value) => form.setFieldValue("expiresInDays", !value || value === "never" ? null : Number(value))}
          error={form.errors.expiresInDays as string | undefined}
        />
        <FormAlert error={create.error} shown={["name", "userId", "scopes", "expiresInDays"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("admin.apiTokens.create")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
