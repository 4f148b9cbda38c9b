import { Anchor, Badge, Box, Checkbox, Group, Paper, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { type KeyboardEvent, type PointerEvent, type ReactNode, useState } from "react";
import { Link } from "react-router";
import type { AgentTicketSummary, QueueSort } from "../../common/queues.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { columnLabel } from "./agent-words.ts";
import { ColumnChooser } from "./ColumnChooser.tsx";
import { DueTime } from "./DueTime.tsx";
import {
  type ColumnKey,
  fixedColumnsWidth,
  maxColumnWidth,
  minColumnWidth,
  tableWidth,
  ticketColumns,
  useColumnPreferences,
} from "./ticket-columns.ts";

type Sorting = { sort: QueueSort; direction: "asc" | "desc"; onSort: (sort: QueueSort) => void };
type Selection = { selected: number[]; onToggle: (number: number) => void; onToggleAll: () => void };
type Column = (typeof ticketColumns)[number];

/**
 * The queue as a table sized to its box: the agent chooses the columns and drags their edges, and both are
 * remembered in this browser. Subject takes the room left over and cuts long subjects short, with the whole
 * subject in a tooltip.
 */
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
  const t = useT();
  const { ref: box, width: available } = useElementSize();
  const columnPreferences = useColumnPreferences(useSession().data?.user?.id, available);
  const { preferences } = columnPreferences;
  // While an edge is dragged the width lives here; it is saved when the pointer lets go.
  const [dragging, setDragging] = useState<{ key: ColumnKey; width: number } | null>(null);
  const widthOf = (column: Column) =>
    dragging?.key === column.key ? dragging.width : (preferences.widths[column.key] ?? column.width);
  const shown = ticketColumns.filter((c) => !preferences.hidden.includes(c.key));
  const all = tickets.length > 0 && tickets.every((ticket) => selection.selected.includes(ticket.number));
  const some = tickets.some((ticket) => selection.selected.includes(ticket.number));
  const minWidth =
    tableWidth(preferences) +
    (dragging ? dragging.width - (preferences.widths[dragging.key] ?? columnByKey(dragging.key).width) : 0);
  return (
    <Box ref={box}>
      <Paper withBorder radius="md">
        <Group justify="flex-end" px="xs" pt={4}>
          <ColumnChooser preferences={columnPreferences} />
        </Group>
        <ScrollTable minWidth={minWidth} label={t("agent.table.label")}>
          <Table
            aria-label={t("agent.table.label")}
            verticalSpacing="sm"
            highlightOnHover
            style={{ tableLayout: "fixed", width: "100%" }}
          >
            <colgroup>
              <col style={{ width: 44 }} />
              <col style={{ width: fixedColumnsWidth - 44 }} />
              {shown.map((column) => (
                // Subject has no width of its own: it takes what the other columns leave.
                <col key={column.key} style={column.key === "subject" ? undefined : { width: widthOf(column) }} />
              ))}
            </colgroup>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t("agent.table.selectAll")}
                    checked={all}
                    indeterminate={some && !all}
                    onChange={selection.onToggleAll}
                  />
                </Table.Th>
                <ColumnHeader label={t("agent.field.number")} sort="number" sorting={sorting} />
                {shown.map((column) => (
                  <ColumnHeader
                    key={column.key}
                    label={columnLabel(t, column.key)}
                    sort={column.sort}
                    sorting={sorting}
                    resize={
                      column.key === "subject"
                        ? undefined
                        : {
                            width: widthOf(column),
                            onDrag: (width) => setDragging({ key: column.key, width: clampWidth(width) }),
                            onDone: (width) => {
                              setDragging(null);
                              columnPreferences.setWidth(column.key, width);
                            },
                          }
                    }
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.map((ticket) => (
                <TicketRow
                  key={ticket.id}
                  ticket={ticket}
                  columns={shown}
                  selected={selection.selected.includes(ticket.number)}
                  onToggle={() => selection.onToggle(ticket.number)}
                  focused={focused === ticket.number}
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Paper>
    </Box>
  );
}

const columnByKey = (key: ColumnKey): Column => ticketColumns.find((c) => c.key === key) ?? ticketColumns[0];
const clampWidth = (width: number) => Math.round(Math.min(maxColumnWidth, Math.max(minColumnWidth, width)));

type Resize = { width: number; onDrag: (width: number) => void; onDone: (width: number) => void };

/**
 * A column's header: sorts when it can (screen readers hear the order through aria-sort), and has an edge to
 * drag, or to move with the arrow keys, that sets the column's width.
 */
function ColumnHeader({
  label,
  sort,
  sorting,
  resize,
}: {
  label: string;
  sort: QueueSort | null;
  sorting: Sorting;
  resize?: Resize | undefined;
}) {
  const active = sort !== null && sorting.sort === sort;
  const arrow = active ? (sorting.direction === "asc" ? " ↑" : " ↓") : "";
  return (
    <Table.Th
      scope="col"
      aria-sort={
        sort === null ? undefined : active ? (sorting.direction === "asc" ? "ascending" : "descending") : "none"
      }
      style={{ position: "relative", whiteSpace: "nowrap" }}
    >
      {sort === null ? (
        <Text fw={700} fz="sm" truncate="end">
          {label}
        </Text>
      ) : (
        <UnstyledButton onClick={() => sorting.onSort(sort)} fw={700} fz="sm" maw="100%" style={{ overflow: "hidden" }}>
          {label}
          {arrow}
        </UnstyledButton>
      )}
      {resize && <ResizeHandle label={label} resize={resize} />}
    </Table.Th>
  );
}

function ResizeHandle({ label, resize }: { label: string; resize: Resize }) {
  const t = useT();
  const [start, setStart] = useState<{ x: number; width: number } | null>(null);
  const widthAt = (event: PointerEvent) => (start ? clampWidth(start.width + event.clientX - start.x) : resize.width);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16;
    const next =
      event.key === "ArrowRight" ? resize.width + step : event.key === "ArrowLeft" ? resize.width - step : null;
    if (next === null) return;
    event.preventDefault();
    resize.onDone(clampWidth(next));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot take focus or be dragged; a focusable separator is the ARIA pattern for a splitter.
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t("agent.table.resize", { column: label })}
      aria-valuenow={resize.width}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      tabIndex={0}
      className="column-resize-handle"
      data-dragging={start ? true : undefined}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        setStart({ x: event.clientX, width: resize.width });
      }}
      onPointerMove={(event) => {
        if (start) resize.onDrag(widthAt(event));
      }}
      onPointerUp={(event) => {
        if (!start) return;
        resize.onDone(widthAt(event));
        setStart(null);
      }}
      onPointerCancel={() => setStart(null)}
    />
  );
}

/** One line, cut short with an ellipsis when the column is narrow; the whole text is in the title. */
function Line({ children, size = "sm", dimmed = false }: { children: string; size?: "sm" | "xs"; dimmed?: boolean }) {
  return (
    <Text size={size} c={dimmed ? "dimmed" : undefined} truncate="end" title={children} {...ownDirection}>
      {children}
    </Text>
  );
}

/** How long ago, as lists say it ("3 hours ago"); the exact time, in the reader's zone, is in the title. */
function When({ iso }: { iso: string }) {
  return (
    <Text
      size="sm"
      component="time"
      dateTime={iso}
      title={formatDateTime(iso)}
      display="block"
      style={{ whiteSpace: "nowrap" }}
    >
      {formatRelative(iso)}
    </Text>
  );
}

function cell(t: ReturnType<typeof useT>, column: Column, ticket: AgentTicketSummary): ReactNode {
  switch (column.key) {
    case "subject":
      return (
        <>
          <Tooltip
            label={ticket.subject}
            openDelay={300}
            // Inside the main landmark, so everything on the page stays in one (axe "region").
            portalProps={{ target: "#main" }}
          >
            <Anchor
              component={Link}
              to={`/agent/tickets/${ticket.number}`}
              c="inherit"
              underline="hover"
              size="sm"
              display="block"
              dir={ownDirection.dir}
              style={{ ...ownDirection.style, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
              data-subject
            >
              {ticket.subject}
            </Anchor>
          </Tooltip>
          {ticket.newReply && (
            <Badge color="violet.9" variant="filled" c="white" size="sm" title={t("agent.table.newReplyExplained")}>
              {t("agent.table.newReply")}
            </Badge>
          )}
          {ticket.ticketType && ticket.ticketType.name !== "General request" && (
            <Line size="xs" dimmed>
              {ticket.ticketType.name}
            </Line>
          )}
        </>
      );
    case "requester":
      return (
        <>
          <Line>{ticket.requester.name}</Line>
          <Line size="xs" dimmed>
            {ticket.requester.email}
          </Line>
        </>
      );
    case "status":
      return <StatusBadge label={ticket.status.agentLabel} category={ticket.status.category} />;
    case "priority":
      return <PriorityBadge priority={ticket.priority} />;
    case "due":
      return <DueTime dueAt={ticket.dueAt} overdue={ticket.overdue} compact />;
    case "assignee":
      return <Line>{ticket.assignee?.name ?? t("agent.common.unassigned")}</Line>;
    case "group":
      return <Line>{ticket.group?.name ?? t("agent.common.none")}</Line>;
    case "updated":
      return <When iso={ticket.updatedAt} />;
    case "created":
      return <When iso={ticket.createdAt} />;
  }
}

function TicketRow({
  ticket,
  columns,
  selected,
  onToggle,
  focused,
}: {
  ticket: AgentTicketSummary;
  columns: Column[];
  selected: boolean;
  onToggle: () => void;
  focused: boolean;
}) {
  const t = useT();
  return (
    <Table.Tr
      bg={selected ? "blue.0" : undefined}
      aria-current={focused ? "true" : undefined}
      style={focused ? { outline: "2px solid var(--mantine-color-blue-6)", outlineOffset: -2 } : undefined}
      data-number={ticket.number}
    >
      <Table.Td>
        <Checkbox
          aria-label={t("agent.table.select", { number: String(ticket.number) })}
          checked={selected}
          onChange={onToggle}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/agent/tickets/${ticket.number}`} fw={600}>
          #{ticket.number}
        </Anchor>
      </Table.Td>
      {columns.map((column) => (
        <Table.Td key={column.key} data-column={column.key} style={{ overflow: "hidden" }}>
          {cell(t, column, ticket)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
