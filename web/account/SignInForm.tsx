import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type SignIn, signInSchema } from "../../common/accounts.ts";
import { useResendConfirmation } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useSignIn } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";

/** Email and password; an account that is not confirmed yet is offered a new confirmation link. */
export function SignInForm({ label }: { label: string }) {
  const t = useT();
  const signIn = useSignIn();
  const form = useForm<SignIn>({
    initialValues: { email: "", password: "" },
    validate: (values) => fieldErrors(signInSchema, values),
  });

  const handleSubmit = form.onSubmit((values) => {
    const parsed = signInSchema.safeParse(values);
    if (!parsed.success) return;
    signIn.mutate(parsed.data, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === "validation_failed") form.setErrors(error.fields);
      },
    });
  });
  const unconfirmed = signIn.error instanceof ApiError && signIn.error.code === "email_unconfirmed";

  return (
    <Form onSubmit={handleSubmit} noValidate aria-label={label}>
      <Stack gap="md">
        <TextInput
          label={t("account.form.email")}
          type="email"
          autoComplete="username"
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={t("account.form.password")}
          autoComplete="current-password"
          {...form.getInputProps("password")}
        />
        <FormAlert
          error={signIn.error}
          shown={["email", "password"]}
          color={unconfirmed ? "yellow" : "red"}
          title={t("account.signIn.failed")}
        >
          {unconfirmed && <ResendButton email={form.values.email} />}
        </FormAlert>
        <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
          {t("account.signIn.submit")}
        </Button>
      </Stack>
    </Form>
  );
}

function ResendButton({ email }: { email: string }) {
  const t = useT();
  const resend = useResendConfirmation();
  if (resend.isSuccess)
    return (
      <Text size="sm" role="status">
        {resend.data.message}
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="outline" size="xs" loading={resend.isPending} onClick={() => resend.mutate(email)}>
        {t("account.signIn.resend")}
      </Button>
      {resend.isError && (
        <Text size="sm" c="red.9" role="alert">
          {resend.error.message}
        </Text>
      )}
    </Stack>
  );
}
