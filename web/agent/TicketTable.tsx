import { Anchor, Badge, Checkbox, Paper, Table, Text, UnstyledButton } from "@mantine/core";
import { Link } from "react-router";
import type { AgentTicketSummary, QueueSort } from "../../common/queues.ts";
import { formatDateTime } from "../ui/format.ts";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { DueTime } from "./DueTime.tsx";

type Sorting = { sort: QueueSort; direction: "asc" | "desc"; onSort: (sort: QueueSort) => void };
type Selection = { selected: number[]; onToggle: (number: number) => void; onToggleAll: () => void };

/** A column header that sorts; screen readers hear the current order through aria-sort. */
function SortHeader({ label, column, sorting }: { label: string; column: QueueSort; sorting: Sorting }) {
  const active = sorting.sort === column;
  const arrow = active ? (sorting.direction === "asc" ? " ↑" : " ↓") : "";
  return (
    <Table.Th scope="col" aria-sort={active ? (sorting.direction === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton onClick={() => sorting.onSort(column)} fw={700} fz="sm">
        {label}
        {arrow}
      </UnstyledButton>
    </Table.Th>
  );
}

export function TicketTable({
  tickets,
  sorting,
  selection,
  focused,
}: {
  tickets: AgentTicketSummary[];
  sorting: Sorting;
  selection: Selection;
  /** The row the keyboard is on (j/k), if any. */
  focused: number | null;
}) {
  const all = tickets.length > 0 && tickets.every((t) => selection.selected.includes(t.number));
  const some = tickets.some((t) => selection.selected.includes(t.number));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1280} type="native">
        <Table aria-label="Tickets" verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label="Select all tickets shown"
                  checked={all}
                  indeterminate={some && !all}
                  onChange={selection.onToggleAll}
                />
              </Table.Th>
              <SortHeader label="Number" column="number" sorting={sorting} />
              <SortHeader label="Subject" column="subject" sorting={sorting} />
              <Table.Th scope="col">Requester</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <SortHeader label="Priority" column="priority" sorting={sorting} />
              <SortHeader label="Due" column="due" sorting={sorting} />
              <Table.Th scope="col">Assignee</Table.Th>
              <Table.Th scope="col">Group</Table.Th>
              <SortHeader label="Updated" column="updated" sorting={sorting} />
              <SortHeader label="Created" column="created" sorting={sorting} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket) => (
              <TicketRow
                key={ticket.id}
                ticket={ticket}
                selected={selection.selected.includes(ticket.number)}
                onToggle={() => selection.onToggle(ticket.number)}
                focused={focused === ticket.number}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Text size="sm" component="time" dateTime={iso} style={{ whiteSpace: "nowrap" }}>
      {formatDateTime(iso)}
    </Text>
  );
}

function TicketRow({
  ticket,
  selected,
  onToggle,
  focused,
}: {
  ticket: AgentTicketSummary;
  selected: boolean;
  onToggle: () => void;
  focused: boolean;
}) {
  return (
    <Table.Tr
      bg={selected ? "blue.0" : undefined}
      aria-current={focused ? "true" : undefined}
      style={focused ? { outline: "2px solid var(--mantine-color-blue-6)", outlineOffset: -2 } : undefined}
      data-number={ticket.number}
    >
      <Table.Td>
        <Checkbox aria-label={`Select #${ticket.number}`} checked={selected} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/agent/tickets/${ticket.number}`} fw={600}>
          #{ticket.number}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ overflowWrap: "anywhere", minWidth: 200 }}>
        {ticket.subject}
        {ticket.newReply && (
          <Badge
            color="violet.9"
            variant="filled"
            c="white"
            size="sm"
            ml="xs"
            title="The customer wrote since you last opened it"
          >
            New reply
          </Badge>
        )}
        {ticket.ticketType && ticket.ticketType.name !== "General request" && (
          <Text size="xs" c="dimmed">
            {ticket.ticketType.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ticket.requester.name}</Text>
        <Text size="xs" c="dimmed">
          {ticket.requester.email}
        </Text>
      </Table.Td>
      {/* Badges keep their whole label: the table scrolls sideways before they are cut. */}
      <Table.Td style={{ whiteSpace: "nowrap", minWidth: 150 }}>
        <StatusBadge label={ticket.status.agentLabel} category={ticket.status.category} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap", minWidth: 100 }}>
        <PriorityBadge priority={ticket.priority} />
      </Table.Td>
      <Table.Td>
        <DueTime dueAt={ticket.dueAt} overdue={ticket.overdue} />
      </Table.Td>
      <Table.Td>{ticket.assignee?.name ?? <Text size="sm">Unassigned</Text>}</Table.Td>
      <Table.Td>{ticket.group?.name ?? <Text size="sm">None</Text>}</Table.Td>
      <Table.Td>
        <When iso={ticket.updatedAt} />
      </Table.Td>
      <Table.Td>
        <When iso={ticket.createdAt} />
      </Table.Td>
    </Table.Tr>
  );
}
