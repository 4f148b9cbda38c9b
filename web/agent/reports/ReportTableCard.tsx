import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import { Anchor, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { toCsv } from "../../../common/csv.ts";
import type { ReportKind, ReportTable } from "../../../common/reports.ts";
import { chartSpecs, seriesColors } from "./charts.ts";
import { formatValue } from "./format.ts";

function downloadCsv(fileName: string, table: ReportTable) {
  const csv = toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((r) => table.columns.map((c) => r.cells[c.key] ?? null)),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The heat map is its own table: each cell shaded by how busy that hour is. */
function HeatCell({ value, max }: { value: number; max: number }) {
  const share = max ? value / max : 0;
  return (
    <Table.Td
      style={{
        background: `rgba(34, 139, 230, ${share.toFixed(2)})`,
        color: share > 0.55 ? "white" : "inherit",
        textAlign: "center",
      }}
    >
      {value}
    </Table.Td>
  );
}

/** One table of a report: its chart (when it has one), the table itself, and a CSV download of it. */
export function ReportTableCard({ kind, table, range }: { kind: ReportKind; table: ReportTable; range: string }) {
  const navigate = useNavigate();
  const spec = chartSpecs[`${kind}:${table.key}`];
  const heat = table.key === "busiest_hours";
  const max = heat
    ? Math.max(
        0,
        ...table.rows.flatMap((r) => Object.values(r.cells).filter((v): v is number => typeof v === "number")),
      )
    : 0;
  const labels = Object.fromEntries(table.columns.map((c) => [c.key, c.label]));
  const data = table.rows.map((r) => ({ ...r.cells, tickets: r.tickets ?? "" }));
  const series = (spec?.series ?? []).map((name, i) => ({
    name,
    label: labels[name] ?? name,
    color: seriesColors[i % seriesColors.length] ?? "blue.6",
  }));
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
    withLegend: series.length > 1,
    tickLine: "y" as const,
  };
  const titleId = `report-${kind}-${table.key}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {table.title}
          </Title>
          <Button
            size="xs"
            variant="light"
            onClick={() => downloadCsv(`${kind}-${table.key}-${range}.csv`, table)}
            aria-label={`Download CSV of ${table.title}`}
          >
            Download CSV
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
            Nothing in this period.
          </Text>
        ) : (
          <details open={!spec}>
            <summary>
              <Text component="span" size="sm">
                {spec ? `Table: ${table.title}` : `${table.rows.length} rows`}
              </Text>
            </summary>
            {/* A wide table scrolls; keyboard users reach the scrolling region too (axe: scrollable-region-focusable). */}
            <ScrollArea viewportProps={{ tabIndex: 0 }}>
              <Table striped highlightOnHover mt="xs" aria-labelledby={titleId}>
                <Table.Thead>
                  <Table.Tr>
                    {table.columns.map((c) => (
                      <Table.Th key={c.key} scope="col">
                        {c.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own and never reorder in place.
                    <Table.Tr key={i}>
                      {table.columns.map((c, j) => {
                        const value = row.cells[c.key];
                        if (heat && j > 0) return <HeatCell key={c.key} value={Number(value ?? 0)} max={max} />;
                        const text = formatValue(value, c.kind);
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
                                {c.key === "number" ? `#${text}` : text}
                              </Anchor>
                            ) : (
                              text
                            )}
                          </Cell>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
