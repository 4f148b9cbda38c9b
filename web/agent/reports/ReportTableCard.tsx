import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import { Anchor, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { toCsv } from "../../../common/csv.ts";
import type { ReportKind, ReportRow, ReportTable } from "../../../common/reports.ts";
import { useT } from "../../i18n/use-t.ts";
import { chartSeries, chartSpecs, seriesColor } from "./charts.ts";
import { formatCount, formatValue } from "./format.ts";
import type { ReportWords } from "./report-words.ts";

/**
 * A chart label set apart in its own direction (Unicode's first-strong isolate): the charts draw their text left to
 * right whatever the page's direction, and an Arabic date or name read that way comes out in the wrong order.
 */
const isolated = (label: string) => `\u2068${label}\u2069`;

/**
 * The CSV has the viewer's column names and worded cells (a channel, "No group") in their language, and the
 * numbers and dates as the API sends them, so a spreadsheet in any language reads them as numbers and dates.
 */
function downloadCsv(
  fileName: string,
  headers: string[],
  table: ReportTable,
  words: (row: ReportRow) => ReportRow["cells"],
) {
  const csv = toCsv(
    headers,
    table.rows.map((r) => {
      const cells = words(r);
      return table.columns.map((c) => cells[c.key] ?? null);
    }),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The heat map is its own table: each cell shaded by how busy that hour is. */
function HeatCell({ value, max, locale }: { value: number; max: number; locale: string }) {
  const share = max ? value / max : 0;
  // Dark text on every shade: white text on this blue never reaches 4.5:1, and dark text on the full blue falls
  // just short of it, so the shading stops at 85% (axe's color-contrast failed on a busy hour's cell).
  return (
    <Table.Td
      style={{
        background: `rgba(34, 139, 230, ${(share * 0.85).toFixed(2)})`,
        textAlign: "center",
      }}
    >
      {formatCount(value, locale)}
    </Table.Td>
  );
}

/** One table of a report: its chart (when it has one), the table itself, and a CSV download of it. */
export function ReportTableCard({
  kind,
  table,
  range,
  timeZone,
  words,
}: {
  kind: ReportKind;
  table: ReportTable;
  range: string;
  timeZone: string;
  words: ReportWords;
}) {
  const t = useT();
  const navigate = useNavigate();
  const title = words.tableTitle(table, timeZone);
  const spec = chartSpecs[`${kind}:${table.key}`];
  const heat = table.key === "busiest_hours";
  const max = heat
    ? Math.max(
        0,
        ...table.rows.flatMap((r) => Object.values(r.cells).filter((v): v is number => typeof v === "number")),
      )
    : 0;
  const headers = table.columns.map((c) => words.columnLabel(kind, table, c));
  const labels = Object.fromEntries(table.columns.map((c, i) => [c.key, headers[i] ?? c.label]));
  // Text cells in the viewer's words: what the table, the chart's axis and the CSV show.
  const worded = (row: ReportRow): ReportRow["cells"] =>
    Object.fromEntries(
      table.columns.map((c) => {
        const value = row.cells[c.key] ?? null;
        return [c.key, typeof value === "string" ? words.cellWords(row.codes?.[c.key], c.kind, value) : value];
      }),
    );
  const axisKind = table.columns.find((c) => c.key === spec?.x)?.kind;
  const data = table.rows.map((r) => {
    const cells = worded(r);
    const x = spec ? cells[spec.x] : undefined;
    const by = spec?.by ? cells[spec.by] : undefined;
    // The axis shows dates as the viewer writes them, each label in its own direction (the chart draws left to
    // right in every language: an Arabic date, read as left-to-right text, showed its day before its year).
    return {
      ...cells,
      ...(spec && typeof x === "string"
        ? {
            [spec.x]: [by, axisKind === "date" ? formatValue(x, "date", words.locale) : x]
              .filter((part) => typeof part === "string" && part !== "")
              .map((part) => isolated(String(part)))
              .join(" · "),
          }
        : {}),
      tickets: r.tickets ?? "",
    };
  });
  const series = chartSeries(spec, table).map((name, i) => ({
    name,
    label: labels[name] ?? name,
    color: seriesColor(name, i),
  }));
  // The legend and the tooltip list the series in the chart's order (recharts sorts them by name unless told).
  const inSeriesOrder = (item: { dataKey?: unknown }) => series.findIndex((s) => s.name === item.dataKey);
  // Clicking a bar or point opens the tickets behind it.
  const open = (index: number | undefined) => {
    const target = index === undefined ? undefined : table.rows[index]?.tickets;
    if (target) navigate(`/agent/tickets?${target}`);
  };
  const chartProps = {
    h: 240,
    data,
    dataKey: spec?.x ?? "",
    series,
    // Every chart names its series, one series too: "Unsolved" says what the area is.
    withLegend: true,
    legendProps: { itemSorter: inSeriesOrder },
    tooltipProps: { itemSorter: inSeriesOrder },
    tickLine: "y" as const,
  };
  const titleId = `report-${kind}-${table.key}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          <Button
            size="xs"
            variant="light"
            onClick={() => downloadCsv(`${kind}-${table.key}-${range}.csv`, headers, table, worded)}
            aria-label={t("reports.card.downloadOf", { title })}
          >
            {t("reports.card.download")}
          </Button>
        </Group>
        {spec && table.rows.length > 0 && (
          // The chart repeats the table below for sighted readers; screen readers read the table.
          <div aria-hidden="true">
            {spec.type === "bar" && (
              <BarChart
                {...chartProps}
                type={spec.stacked ? "stacked" : "default"}
                barChartProps={{
                  // The chart is hidden from assistive technology (the table is read instead): nothing in it takes focus.
                  accessibilityLayer: false,
                  onClick: (state) =>
                    open(state?.activeTooltipIndex === undefined ? undefined : Number(state.activeTooltipIndex)),
                }}
              />
            )}
            {spec.type === "line" && (
              <LineChart {...chartProps} connectNulls lineChartProps={{ accessibilityLayer: false }} />
            )}
            {spec.type === "area" && <AreaChart {...chartProps} areaChartProps={{ accessibilityLayer: false }} />}
          </div>
        )}
        {table.rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("reports.card.empty")}
          </Text>
        ) : (
          <details open={!spec}>
            <summary>
              <Text component="span" size="sm">
                {spec ? t("reports.card.tableOf", { title }) : t("reports.card.rows", { count: table.rows.length })}
              </Text>
            </summary>
            {/* A wide table scrolls; keyboard users reach the scrolling region too (axe: scrollable-region-focusable). */}
            <ScrollArea viewportProps={{ tabIndex: 0 }}>
              <Table striped highlightOnHover mt="xs" aria-labelledby={titleId}>
                <Table.Thead>
                  <Table.Tr>
                    {table.columns.map((c, i) => (
                      <Table.Th key={c.key} scope="col">
                        {headers[i]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.rows.map((row, i) => {
                    const cells = worded(row);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own and never reorder in place.
                      <Table.Tr key={i}>
                        {table.columns.map((c, j) => {
                          const value = cells[c.key];
                          if (heat && j > 0)
                            return <HeatCell key={c.key} value={Number(value ?? 0)} max={max} locale={words.locale} />;
                          // A ticket number is a name: its digits as they are, in every language.
                          const text = c.key === "number" ? `#${value}` : formatValue(value, c.kind, words.locale);
                          const href =
                            j === 0 && row.ticketNumber !== undefined
                              ? `/agent/tickets/${row.ticketNumber}`
                              : j === 0 && row.tickets
                                ? `/agent/tickets?${row.tickets}`
                                : undefined;
                          const Cell = j === 0 ? Table.Th : Table.Td;
                          return (
                            <Cell key={c.key} {...(j === 0 ? { scope: "row" } : {})}>
                              {href ? (
                                <Anchor component={Link} to={href}>
                                  {text}
                                </Anchor>
                              ) : (
                                text
                              )}
                            </Cell>
                          );
                        })}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
