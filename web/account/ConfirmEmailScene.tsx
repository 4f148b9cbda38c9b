import { Anchor, Button, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useConfirmEmail, useResendConfirmation } from "../api/accounts.ts";
import { useT } from "../i18n/use-t.ts";
import { errorAbout } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useOnce } from "../ui/use-once.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { EmailForm } from "./EmailForm.tsx";

export function ConfirmEmailScene() {
  const t = useT();
  const { token = "" } = useParams();
  const confirm = useConfirmEmail();
  const resend = useResendConfirmation();
  useOnce(() => confirm.mutate(token));
  const title = confirm.isSuccess
    ? t("account.confirm.done")
    : confirm.isError
      ? t("account.confirm.broken")
      : t("account.confirm.pending");
  useDocumentTitle(title);

  if (confirm.isSuccess) {
    return (
      <CenteredPage title={title}>
        <Stack gap="md">
          <Text>{t("account.confirm.confirmed", { email: confirm.data.email })}</Text>
          <Button component={Link} to="/sign-in">
            {t("account.confirm.signIn")}
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
            {t("account.confirm.alreadySignIn")}
          </Anchor>
        }
      >
        <Stack gap="md">
          <Text>{t("account.confirm.askNew", { problem: errorAbout(confirm.error, "token") })}</Text>
          <EmailForm
            mutation={resend}
            label={t("account.confirm.resendLabel")}
            button={t("account.confirm.resendButton")}
          />
        </Stack>
      </CenteredPage>
    );
  }
  return <LoadingState label={t("account.confirm.pending")} />;
}
