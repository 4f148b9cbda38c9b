import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link } from "react-router";
import { type Registration, registrationSchema } from "../../common/accounts.ts";
import { useRegister } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";

export function RegisterScene() {
  useDocumentTitle("Create an account");
  const register = useRegister();
  const form = useForm<Registration>({
    initialValues: { name: "", email: "", password: "" },
    validate: (values) => fieldErrors(registrationSchema, values),
  });
  const handleSubmit = form.onSubmit((values) => {
    register.mutate(registrationSchema.parse(values), {
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });
  });

  return (
    <CenteredPage
      title="Create an account"
      below={
        <Text size="sm">
          Already registered?{" "}
          <Anchor component={Link} to="/sign-in" underline="always">
            Sign in
          </Anchor>
        </Text>
      }
    >
      {register.isSuccess ? (
        <Alert color="green" title="Almost done" role="status">
          {register.data.message}
        </Alert>
      ) : (
        <form onSubmit={handleSubmit} noValidate aria-label="Create an account">
          <Stack gap="md">
            <Text size="sm">
              With an account you see all your requests in one place. We confirm your email address first.
            </Text>
            <TextInput label="Your name" autoComplete="name" {...form.getInputProps("name")} />
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps("email")} />
            <PasswordInput
              label="Password"
              description="At least 10 characters."
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
            <FormAlert
              error={register.error}
              shown={["name", "email", "password"]}
              title="Your account was not created"
            />
            <Button type="submit" loading={register.isPending}>
              Create account
            </Button>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}
