import { Alert, Button, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDeletedTickets, useRestoreTicket } from "../api/ticket-housekeeping.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Deleted tickets waiting to be purged, each with Restore. */
export function DeletedTicketsScene() {
  useDocumentTitle("Deleted tickets");
  const deleted = useDeletedTickets();
  const restore = useRestoreTicket();
  return (
    <Stack gap="md">
      <Title order={1}>Deleted tickets</Title>
      <Text>
        A deleted ticket is out of every queue, search and count. Restore it before its purge date to bring it back as
        it was; after that it is removed for good.
      </Text>
      {restore.isError && <Alert color="red">{restore.error.message}</Alert>}
      {restore.isSuccess && (
        <Alert color="teal" role="status">
          Ticket #{restore.variables} is restored.
        </Alert>
      )}
      <QueryView query={deleted} loading="Loading deleted tickets">
        {(data) =>
          data.tickets.length === 0 ? (
            <Text c="dimmed">No deleted tickets.</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ticket</Table.Th>
                  <Table.Th>Requester</Table.Th>
                  <Table.Th>Deleted</Table.Th>
                  <Table.Th>Purged after</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
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
                      {formatDateTime(ticket.deletedAt)} by {ticket.deletedBy}
                    </Table.Td>
                    <Table.Td>{formatDateTime(ticket.purgeAfter)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Restore ticket #${ticket.number}`}
                        loading={restore.isPending && restore.variables === ticket.number}
                        onClick={() => restore.mutate(ticket.number)}
                      >
                        Restore
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
