import { Anchor, List, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { QueueFilters } from "../../common/queues.ts";
import type { TicketDetail } from "../../common/tickets.ts";
import { useAgentTickets } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { StatusBadge } from "../ui/TicketBadges.tsx";

/** Who asked, and what else they and their organization asked lately: context before answering. */
export function RequesterCard({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="requester-card">
      <Title order={2} size="h4" id="requester-card" mb="xs">
        {t("agent.field.requester")}
      </Title>
      <Text fw={600}>{ticket.requester.name}</Text>
      <Text size="sm">{ticket.requester.email}</Text>
      {ticket.organization && <Text size="sm">{ticket.organization.name}</Text>}
      <RecentTickets
        title={t("agent.requester.others")}
        label={t("agent.requester.othersLabel")}
        filters={{ requester: ticket.requester.email }}
        // The filter matches part of an address; keep only this requester's own.
        keep={(other) => other.requester.email === ticket.requester.email}
        current={ticket.number}
      />
      {ticket.organization && (
        <RecentTickets
          title={t("agent.requester.alsoFrom", { organization: ticket.organization.name })}
          label={t("agent.requester.alsoFromLabel", { organization: ticket.organization.name })}
          filters={{ organizationId: [ticket.organization.id] }}
          keep={(other) => other.requester.email !== ticket.requester.email}
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
  const t = useT();
  const others = useAgentTickets({ queue: "all", filters, sort: "updated", direction: "desc" });
  const rows = (others.data?.pages[0]?.tickets ?? []).filter((row) => row.number !== current && keep(row)).slice(0, 5);
  return (
    <>
      <Title order={3} size="h6" mt="sm" mb={4}>
        {title}
      </Title>
      {others.isPending ? (
        <Text size="sm">{t("agent.requester.loading")}</Text>
      ) : rows.length === 0 ? (
        <Text size="sm">{t("agent.requester.none")}</Text>
      ) : (
        <List spacing={4} listStyleType="none" p={0} aria-label={label}>
          {rows.map((row) => (
            <List.Item key={row.id}>
              <Anchor component={Link} to={`/agent/tickets/${row.number}`} size="sm">
                #{row.number} {row.subject}
              </Anchor>{" "}
              <StatusBadge label={row.status.agentLabel} category={row.status.category} />
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
