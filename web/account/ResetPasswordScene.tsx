import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useParams } from "react-router";
import { passwordSchema } from "../../common/accounts.ts";
import { useCompletePasswordReset } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";

/** Also where invited people choose their first password. */
export function ResetPasswordScene() {
  useDocumentTitle("Choose a new password");
  const { token = "" } = useParams();
  const reset = useCompletePasswordReset();
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (value) => passwordSchema.safeParse(value).error?.issues[0]?.message ?? null },
  });
  const tokenProblem = reset.error instanceof ApiError && "token" in reset.error.fields;
  // A problem with the password shows under its field; anything else (a used or expired link…) shows here.

  if (reset.isSuccess) {
    return (
      <CenteredPage title="Choose a new password">
        <Stack gap="md">
          <Alert color="green" title="Password saved" role="status">
            {reset.data.message}
          </Alert>
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        </Stack>
      </CenteredPage>
    );
  }
  return (
    <CenteredPage title="Choose a new password">
      <form
        aria-label="Choose a new password"
        noValidate
        onSubmit={form.onSubmit(({ password }) =>
          reset.mutate(
            { token, password },
            {
              onError: (error) => {
                if (error instanceof ApiError && error.fields.password)
                  form.setErrors({ password: error.fields.password });
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          <PasswordInput
            label="New password"
            description="At least 10 characters."
            autoComplete="new-password"
            {...form.getInputProps("password")}
          />
          <FormAlert error={reset.error} shown={["password"]} about="token" title="Your password was not changed">
            {" "}
            {tokenProblem && (
              <Anchor component={Link} to="/forgot-password" underline="always">
                Ask for a new link
              </Anchor>
            )}
          </FormAlert>
          <Button type="submit" loading={reset.isPending}>
            Save password
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
