import { Anchor, List, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { TicketDetail } from "../../common/tickets.ts";
import { useAgentTickets } from "../api/workspace.ts";
import { StatusBadge } from "../ui/TicketBadges.tsx";

/** Who asked, and what else they asked lately: context before answering. */
export function RequesterCard({ ticket }: { ticket: TicketDetail }) {
  const others = useAgentTickets({
    queue: "all",
    filters: { requester: ticket.requester.email },
    sort: "updated",
    direction: "desc",
  });
  const rows = (others.data?.pages[0]?.tickets ?? [])
    .filter((t) => t.number !== ticket.number && t.requester.email === ticket.requester.email)
    .slice(0, 5);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="requester-card">
      <Title order={2} size="h4" id="requester-card" mb="xs">
        Requester
      </Title>
      <Text fw={600}>{ticket.requester.name}</Text>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {ticket.requester.email}
      </Text>
      <Title order={3} size="h6" mt="sm" mb={4}>
        Other requests
      </Title>
      {others.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : rows.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List spacing={4} listStyleType="none" p={0} aria-label="Other requests by this requester">
          {rows.map((t) => (
            <List.Item key={t.id}>
              <Anchor component={Link} to={`/agent/tickets/${t.number}`} size="sm">
                #{t.number} {t.subject}
              </Anchor>{" "}
              <StatusBadge label={t.status.agentLabel} category={t.status.category} />
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
