import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { BulkResult, BulkUpdate } from "../../common/queues.ts";
import type { Priority } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useBulkUpdate, useDirectory } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { priorityOptions } from "./agent-words.ts";
import { useKeepsSight } from "./use-keeps-sight.ts";

const unchanged = "";

/** Change status, priority, assignee or group of the selected tickets at once, or add a note to each. */
export function BulkBar({ selected, onApplied }: { selected: number[]; onApplied: (result: BulkResult) => void }) {
  const t = useT();
  const statuses = useStatuses();
  const directory = useDirectory();
  const bulk = useBulkUpdate();
  const [statusId, setStatusId] = useState(unchanged);
  const [priority, setPriority] = useState(unchanged);
  const [assigneeId, setAssigneeId] = useState(unchanged);
  const [groupId, setGroupId] = useState(unchanged);
  const [note, setNote] = useState("");
  const keep = { value: unchanged, label: t("agent.bulk.noChange") };
  const keepsSight = useKeepsSight(directory.data);
  // Moving tickets to another group (or none) can take them out of a group agent's sight.
  const movesAway =
    groupId !== unchanged &&
    !keepsSight(groupId === "none" ? null : groupId, assigneeId && assigneeId !== "none" ? assigneeId : null);

  const apply = () => {
    const update: BulkUpdate = {
      numbers: selected,
      ...(statusId ? { statusId } : {}),
      ...(priority ? { priority: priority as Priority } : {}),
      ...(assigneeId ? { assigneeId: assigneeId === "none" ? null : assigneeId } : {}),
      ...(groupId ? { groupId: groupId === "none" ? null : groupId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(movesAway ? { confirmLoseAccess: true } : {}),
    };
    bulk.mutate(update, {
      onSuccess: (outcome) => {
        setNote("");
        onApplied(outcome);
      },
    });
  };
  const error =
    bulk.error instanceof ApiError ? (Object.values(bulk.error.fields)[0] ?? bulk.error.message) : bulk.error?.message;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("agent.bulk.label")}>
      <Stack gap="sm">
        <Text fw={600} role="status">
          {t("agent.bulk.selected", { count: selected.length })}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("agent.common.setStatus")}
            data={[keep, ...(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))]}
            value={statusId}
            onChange={(v) => setStatusId(v ?? unchanged)}
            allowDeselect={false}
            w={190}
          />
          <Select
            label={t("agent.common.setPriority")}
            data={[keep, ...priorityOptions(t)]}
            value={priority}
            onChange={(v) => setPriority(v ?? unchanged)}
            allowDeselect={false}
            w={150}
          />
          <Select
            label={t("agent.bulk.assignTo")}
            data={[
              keep,
              { value: "none", label: t("agent.bulk.nobody") },
              ...(directory.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
            value={assigneeId}
            onChange={(v) => setAssigneeId(v ?? unchanged)}
            allowDeselect={false}
            searchable
            w={190}
          />
          <Select
            label={t("agent.bulk.moveToGroup")}
            data={[
              keep,
              { value: "none", label: t("agent.common.noGroup") },
              ...(directory.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name })),
            ]}
            value={groupId}
            onChange={(v) => setGroupId(v ?? unchanged)}
            allowDeselect={false}
            w={170}
          />
          <TextInput
            label={t("agent.bulk.addNote")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={240}
          />
          <Button onClick={apply} loading={bulk.isPending}>
            {t("agent.bulk.apply", { count: selected.length })}
          </Button>
        </Group>
        {movesAway && (
          <Alert color="yellow" title={t("agent.bulk.loseAccessTitle")}>
            {t("agent.bulk.loseAccess")}
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
