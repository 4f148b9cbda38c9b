import { DataList, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { TicketDetail, TicketServiceLevel } from "../../common/tickets.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { channelLabel } from "./agent-words.ts";
import { DueTime } from "./DueTime.tsx";

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-details">
      <Title order={2} size="h4" id="ticket-details" mb="sm">
        {t("agent.details.title")}
      </Title>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.requester")}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{ticket.requester.name}</Text>
            <Text size="sm" c="dimmed">
              {ticket.requester.email}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.status")}</DataList.ItemLabel>
          <DataList.ItemValue>
            <StatusBadge label={ticket.status.agentLabel} category={ticket.status.category} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.priority")}</DataList.ItemLabel>
          <DataList.ItemValue>
            <PriorityBadge priority={ticket.priority} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.assignee")}</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.assignee?.name ?? t("agent.common.unassigned")}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.group")}</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.group?.name ?? t("agent.common.none")}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.type")}</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.ticketType?.name ?? t("agent.common.none")}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.category")}</DataList.ItemLabel>
          <DataList.ItemValue>{ticket.category?.name ?? t("agent.common.none")}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.channel")}</DataList.ItemLabel>
          <DataList.ItemValue>{channelLabel(t, ticket.channel)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.field.created")}</DataList.ItemLabel>
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
  const t = useT();
  // The time inside a sentence keeps its machine-readable form.
  const at = (iso: string) => (chunks: ReactNode[]) => <time dateTime={iso}>{chunks}</time>;
  return (
    <>
      <DataList.Item>
        <DataList.ItemLabel>{t("agent.field.due")}</DataList.ItemLabel>
        <DataList.ItemValue>
          {level.paused ? (
            <Text size="sm">{t("agent.details.paused")}</Text>
          ) : (
            <DueTime dueAt={level.dueAt} overdue={level.overdue} />
          )}
          {level.policy && (
            <Text size="xs" c="dimmed">
              {t("agent.details.policy", { policy: level.policy })}
            </Text>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      {level.firstResponseDueAt && (
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.details.firstResponse")}</DataList.ItemLabel>
          <DataList.ItemValue>
            {level.firstRespondedAt ? (
              <Text size="sm">
                {t.rich("agent.details.answered", {
                  when: formatDateTime(level.firstRespondedAt),
                  time: at(level.firstRespondedAt),
                })}
              </Text>
            ) : (
              <Text size="sm">
                {t.rich("agent.details.dueAt", {
                  when: formatDateTime(level.firstResponseDueAt),
                  time: at(level.firstResponseDueAt),
                })}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {level.resolutionDueAt && (
        <DataList.Item>
          <DataList.ItemLabel>{t("agent.details.resolution")}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">
              {t.rich("agent.details.dueAt", {
                when: formatDateTime(level.resolutionDueAt),
                time: at(level.resolutionDueAt),
              })}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      )}
    </>
  );
}
