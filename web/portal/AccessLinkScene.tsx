import { Anchor, Stack, Text } from "@mantine/core";
import { Link, Navigate, useParams } from "react-router";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useOpenGuestSession } from "../api/accounts.ts";
import { useT } from "../i18n/use-t.ts";
import { errorAbout } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useOnce } from "../ui/use-once.ts";

/** An emailed access link: opens a session for that one ticket, then shows it. */
export function AccessLinkScene() {
  const t = useT();
  const { token = "" } = useParams();
  const open = useOpenGuestSession();
  useOnce(() => open.mutate(token));
  useDocumentTitle(open.isError ? t("portal.access.broken") : t("portal.access.opening"));
  const number = open.data?.guest?.ticketNumber;
  if (number) return <Navigate to={`/requests/${number}`} replace />;
  if (open.isError) {
    return (
      <CenteredPage title={t("portal.access.broken")}>
        <Stack gap="sm">
          <Text>
            {errorAbout(open.error, "token")} {t("portal.access.askAgain")}
          </Text>
          <Anchor component={Link} to="/status" underline="always">
            {t("portal.access.newLink")}
          </Anchor>
        </Stack>
      </CenteredPage>
    );
  }
  return <LoadingState label={t("portal.access.opening")} />;
}
