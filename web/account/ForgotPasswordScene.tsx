import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useRequestPasswordReset } from "../api/accounts.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { EmailForm } from "./EmailForm.tsx";

export function ForgotPasswordScene() {
  useDocumentTitle("Reset your password");
  const reset = useRequestPasswordReset();
  return (
    <CenteredPage
      title="Reset your password"
      below={
        <Anchor component={Link} to="/sign-in" underline="always">
          Back to sign in
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text size="sm">Enter the email address of your account and we mail you a link to choose a new password.</Text>
        <EmailForm mutation={reset} label="Reset your password" button="Send reset link" />
      </Stack>
    </CenteredPage>
  );
}
