import { Anchor, Group, Text } from "@mantine/core";
import { Link, Navigate, useLocation } from "react-router";
import { isStaff, useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";
import { returnPath } from "./return-path.ts";
import { SignInForm } from "./SignInForm.tsx";

export function SignInScene() {
  const t = useT();
  useDocumentTitle(t("account.signIn.title"));
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label={t("account.signIn.checking")} />;
  const user = session.data?.user;
  if (user)
    return <Navigate to={returnPath(location.state) ?? (isStaff(user) ? "/agent/tickets" : "/requests")} replace />;
  return (
    <CenteredPage
      title={t("account.signIn.title")}
      below={
        <Group justify="space-between">
          <Anchor component={Link} to="/forgot-password" underline="always">
            {t("account.signIn.forgot")}
          </Anchor>
          <Text size="sm">
            {t.rich("account.signIn.newHere", {
              register: (chunks) => (
                <Anchor component={Link} to="/register" underline="always">
                  {chunks}
                </Anchor>
              ),
            })}
          </Text>
        </Group>
      }
    >
      <SignInForm label={t("account.signIn.title")} />
    </CenteredPage>
  );
}
