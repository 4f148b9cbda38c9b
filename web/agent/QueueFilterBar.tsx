import { Button, Group, MultiSelect, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import type { QueueFilters } from "../../common/queues.ts";
import { priorities, priorityLabels } from "../../common/tickets.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useDirectory } from "../api/workspace.ts";

/** Narrow the queue by status, priority, assignee, group and words; every change updates the address. */
export function QueueFilterBar({
  filters,
  onChange,
  onSave,
}: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
  onSave: () => void;
}) {
  const statuses = useStatuses();
  const directory = useDirectory();
  const [q, setQ] = useState(filters.q ?? "");
  const applySearch = useDebouncedCallback((value: string) => onChange({ ...filters, q: value || undefined }), 300);
  const set = (key: keyof QueueFilters) => (value: string[]) =>
    onChange({ ...filters, [key]: value.length ? value : undefined });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Number, words or a phrase"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
        w={240}
      />
      <MultiSelect
        label="Status"
        placeholder={filters.statusId?.length ? undefined : "Any status"}
        data={(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))}
        value={filters.statusId ?? []}
        onChange={set("statusId")}
        clearable
        w={200}
      />
      <MultiSelect
        label="Priority"
        placeholder={filters.priority?.length ? undefined : "Any priority"}
        data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
        value={filters.priority ?? []}
        onChange={set("priority")}
        clearable
        w={180}
      />
      <MultiSelect
        label="Assignee"
        placeholder={filters.assigneeId?.length ? undefined : "Anyone"}
        data={[
          { value: "me", label: "Me" },
          { value: "none", label: "Unassigned" },
          ...(directory.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
        value={filters.assigneeId ?? []}
        onChange={set("assigneeId")}
        searchable
        clearable
        w={200}
      />
      <MultiSelect
        label="Group"
        placeholder={filters.groupId?.length ? undefined : "Any group"}
        data={[
          { value: "none", label: "No group" },
          ...(directory.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        value={filters.groupId ?? []}
        onChange={set("groupId")}
        clearable
        w={180}
      />
      <Button variant="default" onClick={onSave}>
        Save as view
      </Button>
      <Button
        variant="subtle"
        onClick={() => {
          setQ("");
          onChange({});
        }}
      >
        Clear filters
      </Button>
    </Group>
  );
}
