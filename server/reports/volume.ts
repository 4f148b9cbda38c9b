/**
 * Volume: created vs solved over time; created and solved by channel,
 * priority, service and group; and the busiest hours (weekday × hour in the
 * viewer's time zone).
 */
import type { Report, ReportTable } from "../../common/reports.ts";
import { channelWord, codesOf, nameOf, noGroup, noService, priorityWord, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { sliceOfFilters } from "./cube/contributions.ts";
import type { CubeData } from "./cube/cube-data.ts";
import { loadCube } from "./cube/read.ts";
import { localOf } from "./period.ts";
import { metricsWhere, namesOf, ticketsLink } from "./queries.ts";
import { createdSolvedSeries } from "./series.ts";

type Dimension = "channel" | "priority" | "service_id" | "group_id";
const dimensions: { key: Dimension; title: string; label: string; filter?: string }[] = [
  { key: "channel", title: "By channel", label: "Channel" },
  { key: "priority", title: "By priority", label: "Priority", filter: "priority" },
  { key: "service_id", title: "By service", label: "Service", filter: "serviceId" },
  { key: "group_id", title: "By group", label: "Group", filter: "groupId" },
];

const cubeDimension = { channel: "channel", priority: "priority", service_id: "service" } as const;

/** Created and solved in the period per value of one slicing column. */
async function countsBy(input: ReportInput, dimension: Dimension, cube: CubeData | null) {
  const { db, scope, query, period } = input;
  const counts = new Map<string, { created: number; solved: number }>();
  const add = (value: string | null, created: number, solved: number) => {
    const key = value ?? "";
    const row = counts.get(key) ?? { created: 0, solved: 0 };
    row.created += created;
    row.solved += solved;
    counts.set(key, row);
  };
  if (cube) {
    if (dimension === "group_id") {
      for (const group of cube.groups(["created", "solved"]))
        add(group, cube.count("created", "all", "", group), cube.count("solved", "all", "", group));
    } else {
      const dim = cubeDimension[dimension];
      for (const value of cube.values(dim, ["created", "solved"]))
        add(value, cube.count("created", dim, value), cube.count("solved", dim, value));
    }
    return counts;
  }
  for (const [column, measure] of [
    ["created_at", "created"],
    ["solved_at", "solved"],
  ] as const) {
    const rows = await db
      .selectFrom("ticket_metrics")
      .select((eb) => [`ticket_metrics.${dimension}` as const, eb.fn.countAll<number>().as("n")])
      .where(column, ">=", period.start)
      .where(column, "<", period.end)
      .where(metricsWhere(scope, query))
      .groupBy(`ticket_metrics.${dimension}`)
      .execute();
    for (const r of rows)
      add(r[dimension], measure === "created" ? Number(r.n) : 0, measure === "solved" ? Number(r.n) : 0);
  }
  return counts;
}

export async function dimensionTables(input: ReportInput): Promise<ReportTable[]> {
  const { db, query, period, scope } = input;
  // The cube keeps created and solved by each of these; a filter it does not keep counts the metrics rows.
  const cube =
    sliceOfFilters(query) !== undefined
      ? await loadCube(
          db,
          scope,
          query,
          period.start,
          period.end,
          {
            dims: ["all", "channel", "priority", "service"],
            measures: ["created", "solved"],
          },
          input.now,
        )
      : null;
  const tables: ReportTable[] = [];
  for (const dimension of dimensions) {
    const counts = await countsBy(input, dimension.key, cube);
    const ids = [...counts.keys()];
    const names =
      dimension.key === "group_id"
        ? await namesOf(db, "groups", ids)
        : dimension.key === "service_id"
          ? await namesOf(db, "services", ids)
          : new Map<string, string>();
    const label = (value: string): Worded => {
      if (dimension.key === "channel") return channelWord(value);
      if (dimension.key === "priority") return priorityWord(value);
      return nameOf(names, value || null, dimension.key === "group_id" ? noGroup : noService);
    };
    // Busiest first; equal ones by name, so the order never depends on how the figures were read.
    const rows = [...counts.entries()].sort(
      (a, b) => b[1].created - a[1].created || label(a[0]).text.localeCompare(label(b[0]).text),
    );
    tables.push({
      key: `by_${dimension.key.replace("_id", "")}`,
      title: dimension.title,
      columns: [
        { key: "name", label: dimension.label, kind: "text" },
        { key: "created", label: "Created", kind: "count" },
        { key: "solved", label: "Solved", kind: "count" },
      ],
      rows: rows.map(([value, c]) => ({
        cells: { name: label(value).text, created: c.created, solved: c.solved },
        ...codesOf({ name: label(value) }),
        ...(dimension.filter && value
          ? {
              tickets: ticketsLink(query, {
                createdFrom: period.from,
                createdTo: period.to,
                [dimension.filter]: value,
              }),
            }
          : {}),
      })),
    });
  }
  return tables;
}

const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export async function volumeReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { period } = input;
  const series = await createdSolvedSeries(input);
  // Monday first; each UTC hour falls into the viewer's local weekday and hour.
  const cells = weekdayNames.map(() => new Array<number>(24).fill(0));
  for (const h of series.hours) {
    if (h.hour < period.start || h.hour >= period.end || h.created === 0) continue;
    const local = localOf(h.hour, period.timeZone);
    const row = cells[(local.weekday + 6) % 7];
    if (row) row[local.hour] = (row[local.hour] ?? 0) + h.created;
  }
  const heatMap: ReportTable = {
    key: "busiest_hours",
    title: `Tickets created by weekday and hour (${period.timeZone})`,
    columns: [
      { key: "weekday", label: "Weekday", kind: "text" },
      ...Array.from({ length: 24 }, (_, hour) => ({
        key: `h${hour}`,
        label: `${String(hour).padStart(2, "0")}:00`,
        kind: "count" as const,
      })),
    ],
    rows: weekdayNames.map((weekday, i) => ({
      cells: { weekday, ...Object.fromEntries((cells[i] ?? []).map((n, hour) => [`h${hour}`, n])) },
      codes: { weekday: `weekday.${i + 1}` },
    })),
  };
  const created = series.created.rows.reduce((s, r) => s + Number(r.cells.created ?? 0), 0);
  const solved = series.created.rows.reduce((s, r) => s + Number(r.cells.solved ?? 0), 0);
  return {
    figures: [
      { key: "created", label: "Tickets created", kind: "count", value: created, previous: null, higherIsBetter: true },
      { key: "solved", label: "Tickets solved", kind: "count", value: solved, previous: null, higherIsBetter: true },
    ],
    tables: [series.created, ...(await dimensionTables(input)), heatMap],
  };
}
