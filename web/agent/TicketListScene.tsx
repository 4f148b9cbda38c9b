import { Alert, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { BulkResult, QueueFilters, QueueSort } from "../../common/queues.ts";
import { ApiError } from "../api/client.ts";
import { useAgentTickets, useQueueOverview, useSaveView } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { useLiveTickets } from "../live/use-live-tickets.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useShortcuts } from "../ui/use-shortcuts.ts";
import { queueLabel } from "./agent-words.ts";
import { BulkBar } from "./BulkBar.tsx";
import { NewTicketDialog } from "./NewTicketDialog.tsx";
import { QueueFilterBar } from "./QueueFilterBar.tsx";
import { QueueSidebar } from "./QueueSidebar.tsx";
import { readQueueQuery, rememberList, writeQueueQuery } from "./queue-params.ts";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { TicketTable } from "./TicketTable.tsx";

export function TicketListScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQueueQuery(params), [params]);
  const overview = useQueueOverview();
  const view = overview.data?.views.find((v) => v.id === query.viewId);
  const title = view ? view.name : queueLabel(t, query.queue);
  useDocumentTitle(t("agent.list.documentTitle", { title }));
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  useLiveTickets();
  useShortcuts([["c", () => setCreating(true)]]);

  const update = (next: Partial<typeof query>) => setParams(writeQueueQuery({ ...query, ...next }));
  const onFilters = (filters: QueueFilters) => update({ filters, viewId: null });
  const onSort = (sort: QueueSort) =>
    update({ sort, direction: query.sort === sort && query.direction === "desc" ? "asc" : "desc" });

  return (
    <Stack gap="md">
      {/* The page's heading comes first, before the queues: a screen reader lands on what this page is. */}
      <Group justify="space-between" wrap="nowrap">
        <Title order={1}>{t("agent.list.title", { title })}</Title>
        <Button onClick={() => setCreating(true)} aria-keyshortcuts="c">
          {t("agent.common.newTicket")}
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
          <QueueSidebar queue={query.queue} viewId={query.viewId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
          <Stack gap="md">
            <QueueFilterBar
              key={params.toString()}
              filters={query.filters}
              onChange={onFilters}
              onSave={() => setSaving(true)}
            />
            <TicketList query={query} onSort={onSort} search={params.toString()} />
          </Stack>
        </Grid.Col>
        <NewTicketDialog opened={creating} onClose={() => setCreating(false)} />
        <Dialog opened={saving} onClose={() => setSaving(false)} title={t("agent.list.saveAsView")}>
          {saving && (
            <SaveViewForm
              filters={query.filters}
              onSaved={(id) => {
                setSaving(false);
                update({ viewId: id, queue: "all" });
              }}
            />
          )}
        </Dialog>
      </Grid>
    </Stack>
  );
}

function SaveViewForm({ filters, onSaved }: { filters: QueueFilters; onSaved: (id: string) => void }) {
  const t = useT();
  const save = useSaveView();
  const [name, setName] = useState("");
  const error =
    save.error instanceof ApiError ? (Object.values(save.error.fields)[0] ?? save.error.message) : save.error?.message;
  return (
    <Form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, filters }, { onSuccess: ({ id }) => onSaved(id) });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("agent.list.viewName")}
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
        />
        <Text size="sm">{t("agent.list.viewExplained")}</Text>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("agent.list.saveView")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

function TicketList({
  query,
  onSort,
  search,
}: {
  query: ReturnType<typeof readQueueQuery>;
  onSort: (sort: QueueSort) => void;
  search: string;
}) {
  const t = useT();
  const tickets = useAgentTickets(query);
  const navigate = useNavigate();
  const [selected, setSelected] = useState<number[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const [bulkResult, setBulkResult] = useState<BulkResult | null>(null);
  const rows = tickets.data?.pages.flatMap((page) => page.tickets) ?? [];
  const numbers = rows.map((row) => row.number);
  const listed = numbers.join(",");

  // j/k on a ticket page walk this list.
  useEffect(() => {
    if (listed) rememberList(listed.split(",").map(Number), search);
  }, [listed, search]);

  const move = (step: number) => {
    if (!numbers.length) return;
    const at = focused === null ? -1 : numbers.indexOf(focused);
    const next = numbers[Math.min(Math.max(at + step, 0), numbers.length - 1)] ?? null;
    setFocused(next);
    document.querySelector(`tr[data-number="${next}"]`)?.scrollIntoView({ block: "nearest" });
  };
  const toggle = (number: number) =>
    setSelected((s) => (s.includes(number) ? s.filter((n) => n !== number) : [...s, number]));
  useShortcuts([
    ["j", () => move(1)],
    ["k", () => move(-1)],
    ["o", () => focused !== null && navigate(`/agent/tickets/${focused}`)],
    ["Enter", () => focused !== null && navigate(`/agent/tickets/${focused}`)],
    ["x", () => focused !== null && toggle(focused)],
    ["shift+?", () => setHelp(true)],
  ]);

  const visibleSelection = selected.filter((n) => numbers.includes(n));
  // A failed "Load more" keeps the tickets already shown (said below); only a failed first page has nothing to show.
  return (
    <QueryView query={tickets} loading={t("agent.list.loading")} failed={t("agent.list.loadFailed")}>
      {() => (
        <Stack gap="md">
          {visibleSelection.length > 0 && (
            <BulkBar
              selected={visibleSelection}
              onApplied={(result) => {
                setBulkResult(result);
                // What failed stays selected, ready for another try.
                setSelected(result.failed.map((f) => f.number));
              }}
            />
          )}
          {bulkResult && (
            <Alert
              color={bulkResult.failed.length ? "yellow" : "green"}
              title={t("agent.list.updated", { count: bulkResult.updated.length })}
              withCloseButton
              closeButtonLabel={t("agent.list.dismiss")}
              onClose={() => setBulkResult(null)}
            >
              {bulkResult.failed.map((f) => (
                <Text key={f.number} size="sm">
                  {t("agent.list.notChanged", { number: String(f.number), reason: f.reason })}
                </Text>
              ))}
            </Alert>
          )}
          {rows.length === 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Text>{t("agent.list.empty")}</Text>
            </Paper>
          ) : (
            <TicketTable
              tickets={rows}
              focused={focused}
              sorting={{ sort: query.sort, direction: query.direction, onSort }}
              selection={{
                selected: visibleSelection,
                onToggle: toggle,
                onToggleAll: () => setSelected(visibleSelection.length === rows.length ? [] : numbers),
              }}
            />
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t("agent.list.showing", { count: rows.length })}
            </Text>
            {tickets.hasNextPage && (
              <Button
                variant="default"
                loading={tickets.isFetchingNextPage}
                disabled={tickets.isFetchingNextPage}
                onClick={() => void tickets.fetchNextPage()}
              >
                {t("agent.list.loadMore")}
              </Button>
            )}
          </Group>
          {tickets.isFetchNextPageError && (
            <Alert color="red" title={t("agent.list.moreFailed")}>
              {tickets.error.message}
            </Alert>
          )}
          <ShortcutHelp opened={help} onClose={() => setHelp(false)} on="list" />
        </Stack>
      )}
    </QueryView>
  );
}
