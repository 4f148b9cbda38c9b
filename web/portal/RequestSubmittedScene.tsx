import { Anchor, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { Link, useLocation, useParams } from "react-router";
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
        <Text>
          Keep your ticket number: you can check the status of your request later with your email address and ticket
          number, without an account.
        </Text>
        <Group gap="md">
          <CopyLinkButton />
          <Anchor component={Link} to="/requests/new">
            Submit another request
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

function CopyLinkButton() {
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <>
      <Button variant="default" onClick={() => clipboard.copy(window.location.href)}>
        {clipboard.copied ? "Copied" : "Copy link"}
      </Button>
      <VisuallyHidden role="status">
        {clipboard.copied ? "The link to this page is on your clipboard." : ""}
      </VisuallyHidden>
      {clipboard.error && (
        <Text size="sm" c="red.9" role="alert" style={{ overflowWrap: "anywhere" }}>
          Could not copy. The address is {window.location.href}
        </Text>
      )}
    </>
  );
}
