import { Anchor, Paper, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { TicketSummary } from "../../common/tickets.ts";
import { formatDateTime } from "../ui/format.ts";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { DueTime } from "./DueTime.tsx";

export function TicketTable({ tickets }: { tickets: TicketSummary[] }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={900} type="native">
        <Table aria-label="Tickets" verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Subject</Table.Th>
              <Table.Th scope="col">Requester</Table.Th>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Priority</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function TicketRow({ ticket }: { ticket: TicketSummary }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/agent/tickets/${ticket.number}`} fw={600}>
          #{ticket.number}
        </Anchor>
      </Table.Td>
      <Table.Td>{ticket.subject}</Table.Td>
      <Table.Td>
        <Text size="sm">{ticket.requester.name}</Text>
        <Text size="xs" c="dimmed">
          {ticket.requester.email}
        </Text>
      </Table.Td>
      <Table.Td>{ticket.category?.name ?? <Text c="dimmed">None</Text>}</Table.Td>
      <Table.Td>
        <StatusBadge label={ticket.status.agentLabel} category={ticket.status.category} />
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={ticket.priority} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" component="time" dateTime={ticket.createdAt} style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(ticket.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <DueTime dueAt={ticket.dueAt} overdue={ticket.overdue} />
      </Table.Td>
    </Table.Tr>
  );
}
