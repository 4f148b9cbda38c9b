import { Alert, Button, Divider, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Navigate, useLocation } from "react-router";
import { passwordChangeSchema } from "../../common/accounts.ts";
import { useChangePassword } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { PreferencesForm } from "./PreferencesForm.tsx";
import { cameFrom } from "./return-path.ts";

export function AccountScene() {
  const t = useT();
  useDocumentTitle(t("account.page.title"));
  const session = useSession();
  const change = useChangePassword();
  const location = useLocation();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "" },
    validate: (values) => fieldErrors(passwordChangeSchema, values),
  });
  if (session.isPending) return <LoadingState label={t("account.page.loading")} />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/sign-in" replace state={cameFrom(location)} />;

  return (
    <CenteredPage title={t("account.page.title")}>
      <Stack gap="lg">
        <Stack gap={2}>
          <Text fw={600}>{user.name}</Text>
          <Text size="sm">{user.email}</Text>
        </Stack>
        <Form
          aria-label={t("account.password.title")}
          noValidate
          onSubmit={form.onSubmit((values) =>
            change.mutate(values, {
              onSuccess: () => form.reset(),
              onError: (error) => {
                if (error instanceof ApiError) form.setErrors(error.fields);
              },
            }),
          )}
        >
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("account.password.title")}
            </Title>
            <PasswordInput
              label={t("account.password.current")}
              autoComplete="current-password"
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("account.form.newPassword")}
              description={t("account.password.newHint")}
              autoComplete="new-password"
              {...form.getInputProps("newPassword")}
            />
            {change.isSuccess && (
              <Alert color="green" role="status">
                {change.data.message}
              </Alert>
            )}
            <Button type="submit" loading={change.isPending}>
              {t("account.password.submit")}
            </Button>
          </Stack>
        </Form>
        <Divider />
        <PreferencesForm />
      </Stack>
    </CenteredPage>
  );
}
