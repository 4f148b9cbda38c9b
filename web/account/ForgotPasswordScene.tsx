import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useRequestPasswordReset } from "../api/accounts.ts";
import { useT } from "../i18n/use-t.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { EmailForm } from "./EmailForm.tsx";

export function ForgotPasswordScene() {
  const t = useT();
  useDocumentTitle(t("account.forgot.title"));
  const reset = useRequestPasswordReset();
  return (
    <CenteredPage
      title={t("account.forgot.title")}
      below={
        <Anchor component={Link} to="/sign-in" underline="always">
          {t("account.forgot.back")}
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text size="sm">{t("account.forgot.intro")}</Text>
        <EmailForm mutation={reset} label={t("account.forgot.title")} button={t("account.forgot.submit")} />
      </Stack>
    </CenteredPage>
  );
}
