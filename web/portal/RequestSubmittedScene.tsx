import { Anchor, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { Link, useLocation, useParams } from "react-router";
import { useSession } from "../api/session.ts";
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
  useDocumentTitle(`Request #${number} received`);
  const signedIn = Boolean(useSession().data?.user);
  return (
    <Paper withBorder radius="lg" p={{ base: "lg", sm: "xl" }} maw={640} mx="auto">
      <Stack gap="md">
        <Title order={1}>Request received</Title>
        <Text size="lg">
          Your ticket number is{" "}
          <Text span fw={700} fz="xl" ff="monospace">
            #{number}
          </Text>
        </Text>
        {email && (
          <Text>
            We sent a confirmation to <strong>{email}</strong>.
          </Text>
        )}
        {signedIn ? (
          <Group gap="md">
            <Button component={Link} to={`/requests/${number}`}>
              View your request
            </Button>
            <Anchor component={Link} to="/requests">
              All my requests
            </Anchor>
          </Group>
        ) : (
          <Text>
            Keep your ticket number: you can check the status of your request later with your email address and ticket
            number, without an account. The confirmation mail has a link to your request. To list all your requests in
            the portal,{" "}
            <Anchor component={Link} to="/register">
              register
            </Anchor>
            ; or use{" "}
            <Anchor component={Link} to="/status">
              Check ticket status
            </Anchor>
            .
          </Text>
        )}
        {!signedIn && (
          <Text size="sm" c="dimmed">
            The link below opens the status check with this ticket number filled in: enter your email address there and
            we mail you a link that opens the request.
          </Text>
        )}
        <Group gap="md">
          {/* /requests/N only opens for someone signed in; a guest gets the status check that leads there. */}
          <CopyLinkButton
            path={signedIn ? `/requests/${number}` : `/status?number=${number}`}
            what={signedIn ? "your request" : "the status check for your request"}
          />
          <Anchor component={Link} to="/requests/new">
            Submit another request
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Copies a link that works for whoever copies it: the request itself, or for guests the status check. */
function CopyLinkButton({ path, what }: { path: string; what: string }) {
  const clipboard = useClipboard({ timeout: 2500 });
  const url = `${window.location.origin}${path}`;
  return (
    <>
      <Button variant="default" onClick={() => clipboard.copy(url)}>
        {clipboard.copied ? "Copied" : "Copy link"}
      </Button>
      <VisuallyHidden role="status">
        {clipboard.copied ? `The link to ${what} is on your clipboard.` : ""}
      </VisuallyHidden>
      {clipboard.error && (
        <Text size="sm" c="red.9" role="alert" style={{ overflowWrap: "anywhere" }}>
          Could not copy. The address is {url}
        </Text>
      )}
    </>
  );
}
