import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type SignIn, signInSchema } from "../../common/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useSignIn } from "../api/session.ts";
import { fieldErrors } from "../ui/form-errors.ts";

export function SignInForm() {
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

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Agent sign-in">
      <Stack gap="md">
        <TextInput label="Email" type="email" autoComplete="username" {...form.getInputProps("email")} />
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps("password")} />
        {signIn.isError && (
          <Alert color="red" title="You are not signed in">
            {signIn.error.message}
          </Alert>
        )}
        <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
