import "@mantine/charts/styles.css";
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from "@mantine/core";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { ticketChannels } from "../../../common/new-ticket.ts";
import { changePercent, type ReportFigure, type ReportKind, reportKinds } from "../../../common/reports.ts";
import { useReport, useReportOptions } from "../../api/reports.ts";
import { useSession } from "../../api/session.ts";
import { useDirectory } from "../../api/workspace.ts";
import { useT } from "../../i18n/use-t.ts";
import { QueryView } from "../../ui/QueryView.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { channelLabel, priorityOptions } from "../agent-words.ts";
import { formatPercent, formatReportDate, formatValue } from "./format.ts";
import { ReportTableCard } from "./ReportTableCard.tsx";
import {
  localToday,
  naturalInterval,
  type PeriodPreset,
  periodPresets,
  presetRange,
  viewerTimeZone,
} from "./report-period.ts";
import { periodPresetLabels, type ReportWords, reportKindLabels, useReportWords } from "./report-words.ts";

const filterKeys = ["groupId", "assigneeId", "priority", "channel", "serviceId", "organizationId"] as const;

function FigureCard({ figure, words }: { figure: ReportFigure; words: ReportWords }) {
  const t = useT();
  const change = changePercent(figure.value, figure.previous);
  const good = change === null || change === 0 ? null : change > 0 === figure.higherIsBetter;
  const value = formatValue(figure.value, figure.kind, words.locale);
  const previous = formatValue(figure.previous, figure.kind, words.locale);
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {words.figureLabel(figure)}
      </Text>
      <Text fz={28} fw={700}>
        {figure.tickets ? (
          <Anchor component={Link} to={`/agent/tickets?${figure.tickets}`} inherit>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      {change !== null && (
        <Text size="sm" c={good ? "teal.9" : "red.9"}>
          <span aria-hidden="true">{change > 0 ? "▲" : "▼"}</span> {formatPercent(Math.abs(change), words.locale)}{" "}
          <Text span size="sm" c="dimmed">
            {change > 0 ? t("reports.figure.upFrom", { previous }) : t("reports.figure.downFrom", { previous })}
          </Text>
        </Text>
      )}
    </Paper>
  );
}

/** Reports in the agent workspace: a tab per report, one set of filters for all, kept in the address. */
export function ReportsScene() {
  const t = useT();
  const { kind: param } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession().data;
  const directory = useDirectory();
  const options = useReportOptions().data;
  const kind = (reportKinds as readonly string[]).includes(param ?? "") ? (param as ReportKind) : null;

  const timeZone = viewerTimeZone();
  const preset = (params.get("period") ?? "30d") as PeriodPreset;
  const today = localToday(timeZone);
  const range =
    preset === "custom"
      ? { from: params.get("from") ?? today, to: params.get("to") ?? today }
      : presetRange(preset, today);
  const interval = naturalInterval(range.from, range.to);
  const query = new URLSearchParams({ ...range, timeZone, interval });
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const words = useReportWords(interval);
  const report = useReport(kind ?? "overview", query.toString());
  const kindLabels = reportKindLabels(t);
  // Each tab names itself in the browser tab ("Volume · Reports · Switchboard"), so tabs and history tell them apart.
  useDocumentTitle(t("reports.documentTitle", { kind: kindLabels[kind ?? "overview"] }));
  if (!session?.user?.permissions.includes("reports.view")) return <Navigate to="/agent/tickets" replace />;
  if (!kind) return <Navigate to={`/agent/reports/overview?${params}`} replace />;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "period" && value === "custom") {
      next.set("from", range.from);
      next.set("to", range.to);
    }
    setParams(next, { replace: true });
  };
  const presetLabels = periodPresetLabels(t);

  return (
    <Stack gap="md">
      <Title order={1}>{t("reports.title")}</Title>
      <Tabs value={kind} onChange={(value) => value && navigate(`/agent/reports/${value}?${params}`)}>
        <Tabs.List>
          {reportKinds.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {kindLabels[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group align="end" gap="sm" wrap="wrap" role="group" aria-label={t("reports.filters.label")}>
        <Select
          label={t("reports.filters.period")}
          data={periodPresets.map((p) => ({ value: p, label: presetLabels[p] }))}
          value={preset}
          onChange={(value) => set("period", value)}
          allowDeselect={false}
          w={170}
        />
        {preset === "custom" && (
          <>
            <TextInput
              type="date"
              label={t("reports.filters.from")}
              value={range.from}
              onChange={(e) => set("from", e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("reports.filters.to")}
              value={range.to}
              onChange={(e) => set("to", e.currentTarget.value)}
            />
          </>
        )}
        <Select
          label={t("reports.filters.group")}
          placeholder={t("reports.filters.allGroups")}
          clearable
          data={(directory.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={params.get("groupId")}
          onChange={(value) => set("groupId", value)}
          w={180}
        />
        <Select
          label={t("reports.filters.service")}
          placeholder={t("reports.filters.allServices")}
          clearable
          searchable
          data={(options?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={params.get("serviceId")}
          onChange={(value) => set("serviceId", value)}
          w={180}
        />
        <Select
          label={t("reports.filters.organization")}
          placeholder={t("reports.filters.allOrganizations")}
          clearable
          searchable
          limit={100}
          data={(options?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={params.get("organizationId")}
          onChange={(value) => set("organizationId", value)}
          w={200}
        />
        <Select
          label={t("reports.filters.agent")}
          placeholder={t("reports.filters.allAgents")}
          clearable
          searchable
          data={(directory.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={params.get("assigneeId")}
          onChange={(value) => set("assigneeId", value)}
          w={180}
        />
        <Select
          label={t("reports.filters.priority")}
          placeholder={t("reports.filters.anyPriority")}
          clearable
          data={priorityOptions(t)}
          value={params.get("priority")}
          onChange={(value) => set("priority", value)}
          w={150}
        />
        <Select
          label={t("reports.filters.channel")}
          placeholder={t("reports.filters.anyChannel")}
          clearable
          data={ticketChannels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
          value={params.get("channel")}
          onChange={(value) => set("channel", value)}
          w={150}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t("reports.range", {
          from: formatReportDate(range.from, words.locale),
          to: formatReportDate(range.to, words.locale),
          timeZone,
        })}
      </Text>
      <QueryView query={report} loading={t("reports.loading")}>
        {(data) => (
          <Stack gap="md">
            {data.figures.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                {data.figures.map((f) => (
                  <FigureCard key={f.key} figure={f} words={words} />
                ))}
              </SimpleGrid>
            )}
            {data.tables.map((table) => (
              <ReportTableCard
                key={table.key}
                kind={kind}
                table={table}
                words={words}
                timeZone={data.range.timeZone}
                range={`${data.range.from}-${data.range.to}`}
              />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
