import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, useLocation } from "react-router";
import type { SessionUser } from "../../common/accounts.ts";
import { returnPath } from "../account/return-path.ts";
import { SignInForm } from "../account/SignInForm.tsx";
import { isStaff, useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function AgentSignInScene() {
  const t = useT();
  useDocumentTitle(t("agent.signIn.title"));
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label={t("agent.common.checkingSession")} />;
  const user = session.data?.user;
  // Back to the workspace or admin page that sent the person here, or the ticket list.
  if (isStaff(user)) return <Navigate to={returnPath(location.state) ?? "/agent/tickets"} replace />;
  return (
    <Stack gap="md" maw={440} mx="auto">
      <Title order={1}>{t("agent.signIn.title")}</Title>
      {user ? (
        <CustomerNotice user={user} />
      ) : (
        <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
          <SignInForm label={t("agent.signIn.title")} />
        </Paper>
      )}
    </Stack>
  );
}

function CustomerNotice({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
      <Stack gap="xs">
        <Text fw={600}>{t("agent.signIn.forAgents")}</Text>
        <Text>{t("agent.signIn.customer", { email: user.email })}</Text>
        <Anchor component={Link} to="/" underline="always">
          {t("agent.signIn.home")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
