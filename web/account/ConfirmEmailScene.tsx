import { Anchor, Button, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useConfirmEmail, useResendConfirmation } from "../api/accounts.ts";
import { errorAbout } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useOnce } from "../ui/use-once.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { EmailForm } from "./EmailForm.tsx";

export function ConfirmEmailScene() {
  const { token = "" } = useParams();
  const confirm = useConfirmEmail();
  const resend = useResendConfirmation();
  useOnce(() => confirm.mutate(token));
  const title = confirm.isSuccess
    ? "Email address confirmed"
    : confirm.isError
      ? "This link does not work any more"
      : "Confirming your email address";
  useDocumentTitle(title);

  if (confirm.isSuccess) {
    return (
      <CenteredPage title={title}>
        <Stack gap="md">
          <Text>
            {confirm.data.email} is confirmed. Requests you made earlier from this address are now in your account.
          </Text>
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        </Stack>
      </CenteredPage>
    );
  }
  if (confirm.isError) {
    return (
      <CenteredPage
        title={title}
        below={
          <Anchor component={Link} to="/sign-in" underline="always">
            Already confirmed? Sign in
          </Anchor>
        }
      >
        <Stack gap="md">
          <Text>
            {errorAbout(confirm.error, "token")} Enter your email address and we will send you a new confirmation link.
          </Text>
          <EmailForm mutation={resend} label="Send a new confirmation link" button="Send a new link" />
        </Stack>
      </CenteredPage>
    );
  }
  return <LoadingState label="Confirming your email address" />;
}
