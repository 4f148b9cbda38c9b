import { Alert, Button, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDeletedTickets, useRestoreTicket } from "../api/ticket-housekeeping.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Deleted tickets waiting to be purged, each with Restore. */
export function DeletedTicketsScene() {
  const t = useT();
  useDocumentTitle(t("admin.deleted.title"));
  const deleted = useDeletedTickets();
  const restore = useRestoreTicket();
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.deleted.title")}</Title>
      <Text>{t("admin.deleted.intro")}</Text>
      {restore.isError && <Alert color="red">{restore.error.message}</Alert>}
      {restore.isSuccess && (
        <Alert color="teal" role="status">
          {t("admin.deleted.restored", { number: String(restore.variables) })}
        </Alert>
      )}
      <QueryView query={deleted} loading={t("admin.deleted.loading")}>
        {(data) =>
          data.tickets.length === 0 ? (
            <Text c="dimmed">{t("admin.deleted.empty")}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("admin.deleted.ticket")}</Table.Th>
                  <Table.Th>{t("admin.deleted.requester")}</Table.Th>
                  <Table.Th>{t("admin.deleted.deleted")}</Table.Th>
                  <Table.Th>{t("admin.deleted.purgedAfter")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("admin.table.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.tickets.map((ticket) => (
                  <Table.Tr key={ticket.number}>
                    <Table.Td>
                      #{ticket.number} {ticket.subject}
                    </Table.Td>
                    <Table.Td>{ticket.requester}</Table.Td>
                    <Table.Td>
                      {t("admin.deleted.deletedBy", { when: formatDateTime(ticket.deletedAt), name: ticket.deletedBy })}
                    </Table.Td>
                    <Table.Td>{formatDateTime(ticket.purgeAfter)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t("admin.deleted.restoreTicket", { number: String(ticket.number) })}
                        loading={restore.isPending && restore.variables === ticket.number}
                        onClick={() => restore.mutate(ticket.number)}
                      >
                        {t("admin.deleted.restore")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
    </Stack>
  );
}
