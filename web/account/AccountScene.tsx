import { Alert, Button, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Navigate } from "react-router";
import { passwordChangeSchema } from "../../common/accounts.ts";
import { useChangePassword } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useSession } from "../api/session.ts";
import { fieldErrors } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";

export function AccountScene() {
  useDocumentTitle("Your account");
  const session = useSession();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "" },
    validate: (values) => fieldErrors(passwordChangeSchema, values),
  });
  if (session.isPending) return <LoadingState label="Loading your account" />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/sign-in" replace state={{ from: "/account" }} />;

  return (
    <CenteredPage title="Your account">
      <Stack gap="lg">
        <Stack gap={2}>
          <Text fw={600}>{user.name}</Text>
          <Text size="sm">{user.email}</Text>
        </Stack>
        <form
          aria-label="Change password"
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
              Change password
            </Title>
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label="New password"
              description="At least 10 characters. Your other sessions are signed out."
              autoComplete="new-password"
              {...form.getInputProps("newPassword")}
            />
            {change.isSuccess && (
              <Alert color="green" role="status">
                {change.data.message}
              </Alert>
            )}
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      </Stack>
    </CenteredPage>
  );
}
