import { Anchor, Stack, Text } from "@mantine/core";
import { Link, Navigate, useParams } from "react-router";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useOpenGuestSession } from "../api/accounts.ts";
import { errorAbout } from "../ui/form-errors.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useOnce } from "../ui/use-once.ts";

/** An emailed access link: opens a session for that one ticket, then shows it. */
export function AccessLinkScene() {
  const { token = "" } = useParams();
  const open = useOpenGuestSession();
  useOnce(() => open.mutate(token));
  useDocumentTitle(open.isError ? "This access link does not work any more" : "Opening your request");
  const number = open.data?.guest?.ticketNumber;
  if (number) return <Navigate to={`/requests/${number}`} replace />;
  if (open.isError) {
    return (
      <CenteredPage title="This access link does not work any more">
        <Stack gap="sm">
          <Text>{errorAbout(open.error, "token")} Ask for a new link with your email address and ticket number.</Text>
          <Anchor component={Link} to="/status" underline="always">
            Ask for a new link
          </Anchor>
        </Stack>
      </CenteredPage>
    );
  }
  return <LoadingState label="Opening your request" />;
}
