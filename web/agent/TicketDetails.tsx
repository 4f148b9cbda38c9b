import { DataList, Paper, Text, Title } from "@mantine/core";
import { channelLabels } from "../../common/new-ticket.ts";
import type { TicketDetail, TicketServiceLevel } from "../../common/tickets.ts";
import { formatDateTime } from "../ui/format.ts";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { DueTime } from "./DueTime.tsx";

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
          <DataList.ItemLabel>Channel</DataList.ItemLabel>
          <DataList.ItemValue>{channelLabels[ticket.channel]}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Created</DataList.ItemLabel>
          <DataList.ItemValue>
            <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
          </DataList.ItemValue>
        </DataList.Item>
        {ticket.serviceLevel && <ServiceLevelItems level={ticket.serviceLevel} />}
      </DataList>
    </Paper>
  );
}

/** The SLA clock: the next target, whether it stopped, and the first response. */
function ServiceLevelItems({ level }: { level: TicketServiceLevel }) {
  return (
    <>
      <DataList.Item>
        <DataList.ItemLabel>Due</DataList.ItemLabel>
        <DataList.ItemValue>
          {level.paused ? <Text size="sm">Clock paused</Text> : <DueTime dueAt={level.dueAt} overdue={level.overdue} />}
          {level.policy && (
            <Text size="xs" c="dimmed">
              SLA policy: {level.policy}
            </Text>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      {level.firstResponseDueAt && (
        <DataList.Item>
          <DataList.ItemLabel>First response</DataList.ItemLabel>
          <DataList.ItemValue>
            {level.firstRespondedAt ? (
              <Text size="sm">
                Answered <time dateTime={level.firstRespondedAt}>{formatDateTime(level.firstRespondedAt)}</time>
              </Text>
            ) : (
              <Text size="sm">
                Due <time dateTime={level.firstResponseDueAt}>{formatDateTime(level.firstResponseDueAt)}</time>
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {level.resolutionDueAt && (
        <DataList.Item>
          <DataList.ItemLabel>Resolution</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">
              Due <time dateTime={level.resolutionDueAt}>{formatDateTime(level.resolutionDueAt)}</time>
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      )}
    </>
  );
}
