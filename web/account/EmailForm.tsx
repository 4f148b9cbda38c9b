import { Alert, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import { emailBodySchema } from "../../common/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";

type EmailMutation = UseMutationResult<{ message: string }, Error, string>;

/** One email field and a button: ask for a reset link, a new confirmation link… The answer replaces the form. */
export function EmailForm({ mutation, label, button }: { mutation: EmailMutation; label: string; button: string }) {
  const t = useT();
  const form = useForm({ initialValues: { email: "" }, validate: (values) => fieldErrors(emailBodySchema, values) });
  if (mutation.isSuccess) {
    return (
      <Alert color="green" title={t("account.email.checkEmail")} role="status">
        {mutation.data.message}
      </Alert>
    );
  }
  return (
    <Form
      aria-label={label}
      noValidate
      onSubmit={form.onSubmit(({ email }) =>
        mutation.mutate(email, {
          onError: (error) => {
            if (error instanceof ApiError) form.setErrors(error.fields);
          },
        }),
      )}
    >
      <Stack gap="md">
        <TextInput label={t("account.form.email")} type="email" autoComplete="email" {...form.getInputProps("email")} />
        <FormAlert error={mutation.error} shown={["email"]} title={t("account.email.failed")} />
        <Button type="submit" loading={mutation.isPending}>
          {button}
        </Button>
      </Stack>
    </Form>
  );
}
