import { Alert, Anchor, DataList, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useDevMail } from "../api/dev-mailbox.ts";
import { formatDateTime } from "../ui/format.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** The text part with its web addresses made clickable: split into text and links, no HTML involved. */
function Linked({ text }: { text: string }) {
  // Each part is keyed by where it starts in the text: stable, and unique.
  let offset = 0;
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g).map((part) => {
    const start = offset;
    offset += part.length;
    return { part, start };
  });
  return (
    <>
      {parts.map(({ part, start }) =>
        /^https?:\/\//.test(part) ? (
          <Anchor key={start} href={part} style={{ overflowWrap: "anywhere" }}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={start}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function DevMailScene() {
  const { id = "" } = useParams();
  const mail = useDevMail(id);
  useDocumentTitle(mail.data?.subject ?? "Message");
  if (mail.isPending) return <LoadingState label="Loading the message" />;
  if (mail.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Message</Title>
        <Alert color="gray">
          {mail.error instanceof ApiError && mail.error.code === "not_found"
            ? "The dev mailbox is not available here, or it has no such message."
            : mail.error.message}
        </Alert>
        <Anchor component={Link} to="/dev/mailbox">
          ← Dev mailbox
        </Anchor>
      </Stack>
    );
  }
  const m = mail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dev/mailbox" size="sm">
        ← Dev mailbox
      </Anchor>
      <Title order={1} style={{ overflowWrap: "anywhere" }}>
        {m.subject}
      </Title>
      <DataList aria-label="Headers" size="sm">
        <DataList.Item>
          <DataList.ItemLabel>To</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{m.to}</DataList.ItemValue>
        </DataList.Item>
        {/* Replies sent to this address thread into the ticket, through the inbound mail receiver. */}
        <DataList.Item>
          <DataList.ItemLabel>Reply-To</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>
            {m.replyTo ? (
              <Anchor href={`mailto:${m.replyTo}`}>{m.replyTo}</Anchor>
            ) : (
              "Not set (no mailbox takes replies)"
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Date</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(m.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Message-ID</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{m.messageId}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Paper withBorder radius="md" p="lg" component="section" aria-label="Text version">
        <Text
          component="pre"
          style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontFamily: "inherit", margin: 0 }}
        >
          <Linked text={m.text} />
        </Text>
      </Paper>
      <Title order={2} size="h4">
        HTML version
      </Title>
      {/* sandbox="" runs no script and opens nothing: the mail is shown as a recipient's client would, safely. */}
      <iframe
        title="HTML version of the message"
        sandbox=""
        srcDoc={m.html}
        style={{ width: "100%", minHeight: 420, border: "1px solid #ced4da", borderRadius: 8 }}
      />
    </Stack>
  );
}
