import { Alert, Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ApiError } from "../api/client.ts";
import { useDevMailbox } from "../api/dev-mailbox.ts";
import { formatDateTime } from "../ui/format.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export const devMailboxIntro =
  "Without an SMTP server, Switchboard keeps outgoing mail here so sign-in and confirmation links work.";

export function DevMailboxScene() {
  useDocumentTitle("Dev mailbox");
  const mailbox = useDevMailbox({ poll: true });
  return (
    <Stack gap="md">
      <Title order={1}>Dev mailbox</Title>
      <Text>{devMailboxIntro}</Text>
      {mailbox.isPending ? (
        <LoadingState label="Loading messages" />
      ) : mailbox.isError ? (
        <Alert color={mailbox.error instanceof ApiError && mailbox.error.code === "not_found" ? "gray" : "red"}>
          {mailbox.error instanceof ApiError && mailbox.error.code === "not_found"
            ? "The dev mailbox is not available here."
            : mailbox.error.message}
        </Alert>
      ) : mailbox.data.messages.length === 0 ? (
        <Text>No messages yet.</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560} type="native">
            <Table aria-label="Messages" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">To</Table.Th>
                  <Table.Th scope="col">Subject</Table.Th>
                  <Table.Th scope="col">Received</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mailbox.data.messages.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{m.to}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/dev/mailbox/${m.id}`} style={{ overflowWrap: "anywhere" }}>
                        {m.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
