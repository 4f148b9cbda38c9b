import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTickets } from "../api/tickets.ts";
import { useLiveTickets } from "../live/use-live-tickets.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { TicketTable } from "./TicketTable.tsx";

export function TicketListScene() {
  useDocumentTitle("Tickets");
  useLiveTickets();
  return (
    <Stack gap="md">
      <Title order={1}>Tickets</Title>
      <TicketList />
    </Stack>
  );
}

function TicketList() {
  const tickets = useTickets();
  if (tickets.isPending) return <LoadingState label="Loading tickets" />;
  // A failed "Load more" keeps the tickets already shown; only a failed first page has nothing to show.
  if (tickets.isLoadingError) {
    return (
      <Alert color="red" title="The tickets could not be loaded">
        {tickets.error.message}
      </Alert>
    );
  }

  const rows = tickets.data.pages.flatMap((page) => page.tickets);
  if (rows.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <Text>No tickets yet.</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <TicketTable tickets={rows} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          Showing {rows.length} {rows.length === 1 ? "ticket" : "tickets"}, newest first
        </Text>
        {tickets.hasNextPage && (
          <Button
            variant="default"
            loading={tickets.isFetchingNextPage}
            disabled={tickets.isFetchingNextPage}
            onClick={() => void tickets.fetchNextPage()}
          >
            Load more
          </Button>
        )}
      </Group>
      {tickets.isFetchNextPageError && (
        <Alert color="red" title="More tickets could not be loaded">
          {tickets.error.message}
        </Alert>
      )}
    </Stack>
  );
}
