import type { ReportKind, ReportTable } from "../../../common/reports.ts";

/**
 * How each table is drawn: which column runs along the axis and which are bars or lines. Tables not listed are tables
 * only. `by` names a column that tells rows with the same `x` apart, shown before it on the axis ("Urgent · First
 * reply"): the SLA targets have one row per policy and target, and four bars all called "First reply" said nothing.
 */
export type ChartSpec = { type: "bar" | "line" | "area"; x: string; by?: string; series: string[]; stacked?: boolean };

export const chartSpecs: Partial<Record<`${ReportKind}:${string}`, ChartSpec>> = {
  "overview:created_vs_solved": { type: "bar", x: "period", series: ["created", "solved"] },
  "overview:backlog": { type: "area", x: "period", series: ["unsolved"] },
  "volume:created_vs_solved": { type: "bar", x: "period", series: ["created", "solved"] },
  "volume:by_channel": { type: "bar", x: "name", series: ["created", "solved"] },
  "volume:by_priority": { type: "bar", x: "name", series: ["created", "solved"] },
  "volume:by_service": { type: "bar", x: "name", series: ["created", "solved"] },
  "volume:by_group": { type: "bar", x: "name", series: ["created", "solved"] },
  "efficiency:distribution": { type: "bar", x: "bucket", series: ["first_reply", "resolution"] },
  "efficiency:by_group": { type: "bar", x: "name", series: ["first_reply_median", "resolution_median"] },
  "efficiency:by_priority": { type: "bar", x: "name", series: ["first_reply_median", "resolution_median"] },
  "efficiency:by_service": { type: "bar", x: "name", series: ["first_reply_median", "resolution_median"] },
  "sla:targets": { type: "bar", x: "target", by: "policy", series: ["met", "missed"], stacked: true },
  "agents:agents": { type: "bar", x: "name", series: ["solved", "replies"] },
  "agents:groups": { type: "bar", x: "name", series: ["solved", "replies"] },
  "satisfaction:over_time": { type: "line", x: "period", series: ["score"] },
  "satisfaction:by_agent": { type: "bar", x: "name", series: ["good", "bad"], stacked: true },
  "satisfaction:by_group": { type: "bar", x: "name", series: ["good", "bad"], stacked: true },
  "satisfaction:by_service": { type: "bar", x: "name", series: ["good", "bad"], stacked: true },
};

/**
 * A chart's series in the order of the table's columns, so the legend reads like the table below it and every chart
 * lists the same kind of series the same way (created before solved, good before bad).
 */
export function chartSeries(spec: ChartSpec | undefined, table: Pick<ReportTable, "columns">): string[] {
  const place = (name: string) => table.columns.findIndex((c) => c.key === name);
  return (spec?.series ?? []).filter((name) => place(name) !== -1).sort((a, b) => place(a) - place(b));
}

const seriesColors = ["blue.6", "teal.6", "orange.6", "grape.6"];

/** Series that are good or bad news keep one colour each, green and red, wherever they are in the list. */
const meaningColors: Record<string, string> = { met: "teal.6", good: "teal.6", missed: "red.6", bad: "red.6" };

/**
 * A series' colour: by its meaning, else by its place. By place alone, a target's "missed" bars and a "bad" rating's
 * came second and were drawn in the palette's green.
 */
export function seriesColor(name: string, index: number): string {
  return meaningColors[name] ?? seriesColors[index % seriesColors.length] ?? "blue.6";
}
