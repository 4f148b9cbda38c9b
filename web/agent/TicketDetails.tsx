import { DataList, Paper, Text, Title } from "@mantine/core";
import type { TicketDetail } from "../../common/tickets.ts";
import { formatDateTime } from "../ui/format.ts";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-details">
      <Title order={2} size="h4" id="ticket-details" mb="sm">
        Details
      </Title>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>Requester</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{ticket.requester.name}</Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {ticket.requester.email}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Status</DataList.ItemLabel>
          <DataList.ItemValue>
            <StatusBadge label={ticket.status.agentLabel} category={ticket.status.category} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Priority</DataList.ItemLabel>
          <DataList.ItemValue>
            <PriorityBadge priority={ticket.priority} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Assignee</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.assignee?.name ?? "Unassigned"}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Group</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.group?.name ?? "None"}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Type</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.ticketType?.name ?? "None"}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Category</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.category?.name ?? "None"}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Created</DataList.ItemLabel>
          <DataList.ItemValue>
            <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Paper>
  );
}
