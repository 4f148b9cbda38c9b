import { ActionIcon, Badge, Group, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { BuiltinQueue, SavedView } from "../../common/queues.ts";
import { useDeleteView, useQueueOverview } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { queueLabel } from "./agent-words.ts";
import { writeQueueQuery } from "./queue-params.ts";

/** The queues and the agent's saved views, each with how many tickets it holds right now. */
export function QueueSidebar({ queue, viewId }: { queue: BuiltinQueue; viewId: string | null }) {
  const t = useT();
  const overview = useQueueOverview();
  const remove = useDeleteView();
  return (
    <Paper withBorder radius="md" p="sm" component="nav" aria-label={t("agent.sidebar.label")}>
      <QueryView query={overview} loading={t("agent.sidebar.loading")}>
        {(data) => (
          <Stack gap={4}>
            {data.queues.map((q) => (
              <NavLink
                key={q.key}
                component={Link}
                to={`/agent/tickets?${writeQueueQuery({ queue: q.key, filters: {}, sort: "updated", direction: "desc" })}`}
                label={queueLabel(t, q.key)}
                active={!viewId && queue === q.key}
                variant="filled"
                aria-current={!viewId && queue === q.key ? "page" : undefined}
                rightSection={<CountBadge count={q.count} more={q.more} />}
              />
            ))}
            <Title order={2} size="h6" mt="sm" px="xs">
              {t("agent.sidebar.myViews")}
            </Title>
            {data.views.length === 0 && (
              <Text size="sm" px="xs">
                {t("agent.sidebar.noViews")}
              </Text>
            )}
            {data.views.map((view) => (
              <SavedViewLink
                key={view.id}
                view={view}
                active={viewId === view.id}
                onDelete={() => remove.mutate(view.id)}
              />
            ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

function SavedViewLink({ view, active, onDelete }: { view: SavedView; active: boolean; onDelete: () => void }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <NavLink
        component={Link}
        to={`/agent/tickets?${writeQueueQuery({ queue: "all", filters: view.filters, sort: "updated", direction: "desc", viewId: view.id })}`}
        label={view.name}
        active={active}
        variant="filled"
        aria-current={active ? "page" : undefined}
        rightSection={<CountBadge count={view.count} more={view.more} />}
      />
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={t("agent.sidebar.deleteView", { name: view.name })}
        onClick={onDelete}
      >
        ×
      </ActionIcon>
    </Group>
  );
}

function CountBadge({ count, more }: { count: number; more: boolean }) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color="gray"
      aria-label={more ? t("agent.sidebar.countMore", { count }) : t("agent.sidebar.count", { count })}
    >
      {more ? `${count}+` : count}
    </Badge>
  );
}
