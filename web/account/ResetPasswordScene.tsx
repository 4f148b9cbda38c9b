import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useParams } from "react-router";
import { passwordSchema } from "../../common/accounts.ts";
import { useCompletePasswordReset } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { localizeSentence } from "../i18n/sentences.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";

/** Also where invited people choose their first password. */
export function ResetPasswordScene() {
  const t = useT();
  useDocumentTitle(t("account.reset.title"));
  const { token = "" } = useParams();
  const reset = useCompletePasswordReset();
  const form = useForm({
    initialValues: { password: "" },
    validate: {
      password: (value) => {
        const problem = passwordSchema.safeParse(value).error?.issues[0]?.message;
        return problem ? localizeSentence(problem) : null;
      },
    },
  });
  const tokenProblem = reset.error instanceof ApiError && "token" in reset.error.fields;
  // A problem with the password shows under its field; anything else (a used or expired link…) shows here.

  if (reset.isSuccess) {
    return (
      <CenteredPage title={t("account.reset.title")}>
        <Stack gap="md">
          <Alert color="green" title={t("account.reset.saved")} role="status">
            {reset.data.message}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t("account.reset.signIn")}
          </Button>
        </Stack>
      </CenteredPage>
    );
  }
  return (
    <CenteredPage title={t("account.reset.title")}>
      <Form
        aria-label={t("account.reset.title")}
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
            label={t("account.form.newPassword")}
            description={t("account.form.passwordHint")}
            autoComplete="new-password"
            {...form.getInputProps("password")}
          />
          <FormAlert error={reset.error} shown={["password"]} about="token" title={t("account.reset.failed")}>
            {" "}
            {tokenProblem && (
              <Anchor component={Link} to="/forgot-password" underline="always">
                {t("account.reset.askNew")}
              </Anchor>
            )}
          </FormAlert>
          <Button type="submit" loading={reset.isPending}>
            {t("account.reset.submit")}
          </Button>
        </Stack>
      </Form>
    </CenteredPage>
  );
}
