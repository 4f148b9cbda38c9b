import { Alert, Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ApiError } from "../api/client.ts";
import { useDevMailbox } from "../api/dev-mailbox.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function DevMailboxScene() {
  const t = useT();
  useDocumentTitle(t("devmail.title"));
  const mailbox = useDevMailbox({ poll: true });
  return (
    <Stack gap="md">
      <Title order={1}>{t("devmail.title")}</Title>
      <Text>{t("devmail.intro")}</Text>
      {mailbox.isPending ? (
        <LoadingState label={t("devmail.loading")} />
      ) : mailbox.isError ? (
        <Alert color={mailbox.error instanceof ApiError && mailbox.error.code === "not_found" ? "gray" : "red"}>
          {mailbox.error instanceof ApiError && mailbox.error.code === "not_found"
            ? t("devmail.notAvailable")
            : mailbox.error.message}
        </Alert>
      ) : mailbox.data.messages.length === 0 ? (
        <Text>{t("devmail.empty")}</Text>
      ) : (
        <Paper withBorder radius="md">
          <ScrollTable minWidth={560} label={t("devmail.messages")}>
            <Table aria-label={t("devmail.messages")} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("devmail.to")}</Table.Th>
                  <Table.Th scope="col">{t("devmail.subject")}</Table.Th>
                  <Table.Th scope="col">{t("devmail.received")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mailbox.data.messages.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.to}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/dev/mailbox/${m.id}`}>
                        {m.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
      )}
    </Stack>
  );
}
