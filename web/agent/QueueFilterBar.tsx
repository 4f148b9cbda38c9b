import { Button, Group, MultiSelect, TagsInput, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import type { QueueFilters } from "../../common/queues.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useDirectory } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { priorityOptions } from "./agent-words.ts";

/** Narrow the queue by status, priority, assignee, group, tags and words; every change updates the address. */
export function QueueFilterBar({
  filters,
  onChange,
  onSave,
}: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
  onSave: () => void;
}) {
  const t = useT();
  const statuses = useStatuses();
  const directory = useDirectory();
  const [q, setQ] = useState(filters.q ?? "");
  const applySearch = useDebouncedCallback((value: string) => onChange({ ...filters, q: value || undefined }), 300);
  const set = (key: keyof QueueFilters) => (value: string[]) =>
    onChange({ ...filters, [key]: value.length ? value : undefined });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t("agent.filters.search")}
        placeholder={t("agent.filters.searchPlaceholder")}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
        w={240}
      />
      <MultiSelect
        label={t("agent.field.status")}
        placeholder={filters.statusId?.length ? undefined : t("agent.filters.anyStatus")}
        data={(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))}
        value={filters.statusId ?? []}
        onChange={set("statusId")}
        clearable
        w={200}
      />
      <MultiSelect
        label={t("agent.field.priority")}
        placeholder={filters.priority?.length ? undefined : t("agent.filters.anyPriority")}
        data={priorityOptions(t)}
        value={filters.priority ?? []}
        onChange={set("priority")}
        clearable
        w={180}
      />
      <MultiSelect
        label={t("agent.field.assignee")}
        placeholder={filters.assigneeId?.length ? undefined : t("agent.filters.anyone")}
        data={[
          { value: "me", label: t("agent.filters.me") },
          { value: "none", label: t("agent.common.unassigned") },
          ...(directory.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
        value={filters.assigneeId ?? []}
        onChange={set("assigneeId")}
        searchable
        clearable
        w={200}
      />
      <MultiSelect
        label={t("agent.field.group")}
        placeholder={filters.groupId?.length ? undefined : t("agent.filters.anyGroup")}
        data={[
          { value: "none", label: t("agent.common.noGroup") },
          ...(directory.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        value={filters.groupId ?? []}
        onChange={set("groupId")}
        clearable
        w={180}
      />
      <TagsInput
        label={t("agent.filters.tags")}
        placeholder={filters.tag?.length ? undefined : t("agent.filters.anyTag")}
        value={filters.tag ?? []}
        // Tags are stored in lower case; what is typed is matched the same way.
        onChange={(value) => set("tag")(value.map((tag) => tag.trim().toLowerCase()).filter(Boolean))}
        clearable
        w={180}
      />
      <Button variant="default" onClick={onSave}>
        {t("agent.list.saveAsView")}
      </Button>
      <Button
        variant="subtle"
        onClick={() => {
          setQ("");
          onChange({});
        }}
      >
        {t("agent.filters.clear")}
      </Button>
    </Group>
  );
}
