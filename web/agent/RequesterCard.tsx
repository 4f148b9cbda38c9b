import { Anchor, List, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { QueueFilters } from "../../common/queues.ts";
import type { TicketDetail } from "../../common/tickets.ts";
import { useAgentTickets } from "../api/workspace.ts";
import { StatusBadge } from "../ui/TicketBadges.tsx";

/** Who asked, and what else they and their organization asked lately: context before answering. */
export function RequesterCard({ ticket }: { ticket: TicketDetail }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="requester-card">
      <Title order={2} size="h4" id="requester-card" mb="xs">
        Requester
      </Title>
      <Text fw={600}>{ticket.requester.name}</Text>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {ticket.requester.email}
      </Text>
      {ticket.organization && <Text size="sm">{ticket.organization.name}</Text>}
      <RecentTickets
        title="Other requests"
        label="Other requests by this requester"
        filters={{ requester: ticket.requester.email }}
        // The filter matches part of an address; keep only this requester's own.
        keep={(t) => t.requester.email === ticket.requester.email}
        current={ticket.number}
      />
      {ticket.organization && (
        <RecentTickets
          title={`Also from ${ticket.organization.name}`}
          label={`Other requests from ${ticket.organization.name}`}
          filters={{ organizationId: [ticket.organization.id] }}
          keep={(t) => t.requester.email !== ticket.requester.email}
          current={ticket.number}
        />
      )}
    </Paper>
  );
}

function RecentTickets({
  title,
  label,
  filters,
  keep,
  current,
}: {
  title: string;
  label: string;
  filters: QueueFilters;
  keep: (t: { requester: { email: string } }) => boolean;
  current: number;
}) {
  const others = useAgentTickets({ queue: "all", filters, sort: "updated", direction: "desc" });
  const rows = (others.data?.pages[0]?.tickets ?? []).filter((t) => t.number !== current && keep(t)).slice(0, 5);
  return (
    <>
      <Title order={3} size="h6" mt="sm" mb={4}>
        {title}
      </Title>
      {others.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : rows.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List spacing={4} listStyleType="none" p={0} aria-label={label}>
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
    </>
  );
}
