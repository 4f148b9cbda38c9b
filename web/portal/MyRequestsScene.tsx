import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation } from "react-router";
import type { TicketSummary } from "../../common/tickets.ts";
import { cameFrom } from "../account/return-path.ts";
import { useStatuses } from "../api/lifecycle.ts";
import { useMaySubmit, useSession } from "../api/session.ts";
import { type TicketView, useTickets } from "../api/tickets.ts";
import { useT } from "../i18n/use-t.ts";
import { useLiveTickets } from "../live/use-live-tickets.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { RelativeTime } from "../ui/RelativeTime.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

type Filters = { label: string | null; statusIds: string[]; q: string; sort: "created" | "updated" };

export function MyRequestsScene() {
  const t = useT();
  useDocumentTitle(t("requests.list.title"));
  const session = useSession();
  const location = useLocation();
  const [view, setView] = useState<TicketView>("mine");
  const [filters, setFilters] = useState<Filters>({ label: null, statusIds: [], q: "", sort: "updated" });
  if (session.isPending) return <LoadingState label={t("requests.list.checkingSession")} />;
  const { user, guest } = session.data ?? { user: null, guest: null };
  if (!user && !guest) return <Navigate to="/sign-in" replace state={cameFrom(location)} />;
  const department = user?.permissions.includes("tickets.view_department") ?? false;
  return (
    <Stack gap="md">
      <Title order={1}>{t("requests.list.title")}</Title>
      {department && (
        <SegmentedControl
          aria-label={t("requests.list.which")}
          value={view}
          onChange={(value) => setView(value as TicketView)}
          data={[
            { value: "mine", label: t("requests.list.title") },
            { value: "department", label: t("requests.list.department") },
          ]}
          w="fit-content"
        />
      )}
      <RequestFilters filters={filters} onChange={setFilters} />
      <RequestList view={guest ? "all" : view} filters={filters} />
    </Stack>
  );
}

/** Status (as customers name them), search and order, seed 003's "My Tickets" tools. */
function RequestFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const t = useT();
  const statuses = useStatuses().data?.statuses ?? [];
  // Several statuses can share a customer label (New and Open both read "Open"): one choice covers them all.
  const labels = [...new Set(statuses.map((s) => s.customerLabel))];
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== filters.q) onChange({ ...filters, q: debounced });
  }, [debounced, filters, onChange]);
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t("requests.list.status")}
        placeholder={t("requests.list.anyStatus")}
        clearable
        data={labels}
        value={filters.label}
        onChange={(label) =>
          onChange({ ...filters, label, statusIds: statuses.filter((s) => s.customerLabel === label).map((s) => s.id) })
        }
        w={200}
      />
      <TextInput
        label={t("requests.list.search")}
        placeholder={t("requests.list.searchHint")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={240}
      />
      <Select
        label={t("requests.list.sortBy")}
        allowDeselect={false}
        data={[
          { value: "updated", label: t("requests.list.lastUpdated") },
          { value: "created", label: t("requests.list.newest") },
        ]}
        value={filters.sort}
        onChange={(sort) => onChange({ ...filters, sort: sort === "created" ? "created" : "updated" })}
        w={170}
      />
    </Group>
  );
}

function RequestList({ view, filters }: { view: TicketView; filters: Filters }) {
  const t = useT();
  const tickets = useTickets(view, { statusIds: filters.statusIds, q: filters.q, sort: filters.sort });
  const maySubmit = useMaySubmit();
  useLiveTickets();
  return (
    <QueryView query={tickets} loading={t("requests.list.loading")} failed={t("requests.list.notLoaded")}>
      {(data) => show(data.pages.flatMap((page) => page.tickets))}
    </QueryView>
  );

  function show(all: TicketSummary[]) {
    if (!all.length && (filters.q || filters.statusIds.length)) return <Text>{t("requests.list.noMatch")}</Text>;
    if (!all.length) {
      return (
        <Text>
          {t("requests.list.none")}{" "}
          {maySubmit !== false && (
            <Anchor component={Link} to="/requests/new" underline="always">
              {t("requests.list.submit")}
            </Anchor>
          )}
        </Text>
      );
    }
    // The department's requests are other people's: say whose each one is.
    const withRequester = view === "department";
    return (
      <Stack gap="sm">
        {/* A table where there is room for it; on a phone, a card per request with its status in view. */}
        <Paper withBorder radius="md" visibleFrom="sm">
          <ScrollTable minWidth={withRequester ? 760 : 640} label={t("requests.list.requests")}>
            <Table aria-label={t("requests.list.requests")} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("requests.list.number")}</Table.Th>
                  <Table.Th scope="col">{t("requests.list.subject")}</Table.Th>
                  {withRequester && <Table.Th scope="col">{t("requests.list.requester")}</Table.Th>}
                  <Table.Th scope="col">{t("requests.list.status")}</Table.Th>
                  <Table.Th scope="col">{t("requests.list.priority")}</Table.Th>
                  <Table.Th scope="col">{t("requests.list.lastUpdated")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {all.map((ticket) => (
                  <RequestRow key={ticket.id} ticket={ticket} withRequester={withRequester} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
        <Stack
          gap="sm"
          component="ul"
          aria-label={t("requests.list.requests")}
          hiddenFrom="sm"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {all.map((ticket) => (
            <RequestCard key={ticket.id} ticket={ticket} withRequester={withRequester} />
          ))}
        </Stack>
        {tickets.hasNextPage && (
          <Group>
            <Button variant="default" onClick={() => tickets.fetchNextPage()} loading={tickets.isFetchingNextPage}>
              {t("requests.list.loadMore")}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }
}

function RequestRow({ ticket, withRequester }: { ticket: TicketSummary; withRequester: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/requests/${ticket.number}`}>
          #{ticket.number}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <bdi>{ticket.subject}</bdi>
      </Table.Td>
      {withRequester && <Table.Td>{ticket.requester.name}</Table.Td>}
      <Table.Td>
        {/* Customers see the customer-facing label of the status. */}
        <StatusBadge label={ticket.status.customerLabel} category={ticket.status.category} />
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={ticket.priority} />
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={ticket.updatedAt} />
      </Table.Td>
    </Table.Tr>
  );
}

function RequestCard({ ticket, withRequester }: { ticket: TicketSummary; withRequester: boolean }) {
  const t = useT();
  const updated = t.rich("requests.list.updated", { time: <RelativeTime iso={ticket.updatedAt} /> });
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Anchor component={Link} to={`/requests/${ticket.number}`} fw={600}>
          #{ticket.number} <bdi>{ticket.subject}</bdi>
        </Anchor>
        <Group gap="xs">
          <StatusBadge label={ticket.status.customerLabel} category={ticket.status.category} />
          <PriorityBadge priority={ticket.priority} />
        </Group>
        <Text size="sm" c="dimmed">
          {withRequester ? `${ticket.requester.name} · ` : ""}
          {updated}
        </Text>
      </Stack>
    </Paper>
  );
}
