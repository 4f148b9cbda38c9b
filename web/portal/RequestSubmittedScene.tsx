import { Anchor, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { Link, useLocation, useParams } from "react-router";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { NotFoundScene } from "../ui/NotFoundScene.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** What the submit form hands over when it navigates here; absent when the page is opened from a link. */
export type RequestSubmittedState = { email: string };

function submittedEmail(state: unknown): string | null {
  if (typeof state === "object" && state !== null && "email" in state && typeof state.email === "string") {
    return state.email;
  }
  return null;
}

export function RequestSubmittedScene() {
  const { number } = useParams();
  const email = submittedEmail(useLocation().state);
  if (!number || !/^\d+$/.test(number)) return <NotFoundScene />;
  return <RequestReceived number={number} email={email} />;
}

function RequestReceived({ number, email }: { number: string; email: string | null }) {
  const t = useT();
  useDocumentTitle(t("portal.submitted.tabTitle", { number }));
  const signedIn = Boolean(useSession().data?.user);
  return (
    <Paper withBorder radius="lg" p={{ base: "lg", sm: "xl" }} maw={640} mx="auto">
      <Stack gap="md">
        <Title order={1}>{t("portal.submitted.title")}</Title>
        <Text size="lg">
          {t.rich("portal.submitted.number", {
            number,
            // The ticket number is a name, not a quantity: it keeps its digits and reads left to right.
            ticket: (chunks) => (
              <Text span fw={700} fz="xl" ff="monospace" dir="ltr">
                {chunks}
              </Text>
            ),
          })}
        </Text>
        {email && <Text>{t.rich("portal.submitted.sentTo", { email, b: (chunks) => <strong>{chunks}</strong> })}</Text>}
        {signedIn ? (
          <Group gap="md">
            <Button component={Link} to={`/requests/${number}`}>
              {t("portal.submitted.view")}
            </Button>
            <Anchor component={Link} to="/requests">
              {t("portal.submitted.all")}
            </Anchor>
          </Group>
        ) : (
          <Text>
            {t.rich("portal.submitted.keep", {
              register: (chunks) => (
                <Anchor component={Link} to="/register">
                  {chunks}
                </Anchor>
              ),
              status: (chunks) => (
                <Anchor component={Link} to="/status">
                  {chunks}
                </Anchor>
              ),
            })}
          </Text>
        )}
        {!signedIn && (
          <Text size="sm" c="dimmed">
            {t("portal.submitted.linkNote")}
          </Text>
        )}
        <Group gap="md">
          {/* /requests/N only opens for someone signed in; a guest gets the status check that leads there. */}
          <CopyLinkButton
            path={signedIn ? `/requests/${number}` : `/status?number=${number}`}
            copiedSays={signedIn ? t("portal.submitted.copiedRequest") : t("portal.submitted.copiedStatus")}
          />
          <Anchor component={Link} to="/requests/new">
            {t("portal.submitted.another")}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Copies a link that works for whoever copies it: the request itself, or for guests the status check. */
function CopyLinkButton({ path, copiedSays }: { path: string; copiedSays: string }) {
  const t = useT();
  const clipboard = useClipboard({ timeout: 2500 });
  const url = `${window.location.origin}${path}`;
  return (
    <>
      <Button variant="default" onClick={() => clipboard.copy(url)}>
        {clipboard.copied ? t("portal.submitted.copied") : t("portal.submitted.copy")}
      </Button>
      <VisuallyHidden role="status">{clipboard.copied ? copiedSays : ""}</VisuallyHidden>
      {clipboard.error && (
        <Text size="sm" c="red.9" role="alert">
          {t("portal.submitted.copyFailed", { url })}
        </Text>
      )}
    </>
  );
}
