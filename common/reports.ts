/**
 * Reports (issue 18): what a report is asked for and what it answers. Every
 * report is figures and tables; the web app draws charts from the tables and
 * shows each table behind its chart, and the same tables export as CSV.
 * docs/reports.md defines each figure.
 */
import { z } from "zod";
import { inServiceYears, outsideServiceYears } from "./days.ts";
import { ticketChannels } from "./new-ticket.ts";
import { priorities } from "./tickets.ts";

export const reportKinds = ["overview", "volume", "efficiency", "sla", "agents", "satisfaction"] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportLabels: Record<ReportKind, string> = {
  overview: "Overview",
  volume: "Volume",
  efficiency: "Efficiency",
  sla: "Service levels",
  agents: "Agents and groups",
  satisfaction: "Satisfaction",
};

/** The longest period one report covers: a year and a bit, so "last 12 months" fits with its edges. */
export const maxReportDays = 400;

const validTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * A report's day, in the help desk's years (common/days.ts): past 9999 walking the period's days never ended
 * (one request held the server's only thread).
 */
const reportDate = (error: string) => z.iso.date({ error }).refine(inServiceYears, { error: outsideServiceYears });

export const reportQuerySchema = z
  .object({
    /** First and last day of the period, inclusive, in `timeZone`. */
    from: reportDate("Use a date like 2026-11-01."),
    to: reportDate("Use a date like 2026-11-30."),
    /** The viewer's time zone: days, weeks and the busiest hours are theirs. */
    timeZone: z
      .string()
      .max(64)
      .refine(validTimeZone, { error: "That is not a time zone (use one like Europe/Berlin)." })
      .default("UTC"),
    interval: z.enum(["day", "week", "month"], { error: "Choose day, week or month." }).default("day"),
    /** Durations in the ticket's business hours or on the wall clock. */
    clock: z.enum(["business", "calendar"], { error: "Choose business or calendar time." }).default("business"),
    groupId: z.uuid({ error: "Choose a group from the list." }).optional(),
    assigneeId: z.uuid({ error: "Choose an agent from the list." }).optional(),
    priority: z.enum(priorities, { error: "Choose Low, Medium, High or Urgent." }).optional(),
    serviceId: z.uuid({ error: "Choose a service from the list." }).optional(),
    channel: z.enum(ticketChannels, { error: "Choose web, email, phone or walk-in." }).optional(),
    organizationId: z.uuid({ error: "Choose an organization from the list." }).optional(),
  })
  .refine((q) => q.from <= q.to, { error: "The period must end on or after its first day.", path: ["to"] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < maxReportDays, {
    error: `Choose a period of at most ${maxReportDays} days.`,
    path: ["from"],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type ReportFilters = Pick<
  ReportQuery,
  "groupId" | "assigneeId" | "priority" | "serviceId" | "channel" | "organizationId"
>;

export const reportColumnKinds = ["text", "count", "percent", "minutes", "date", "rating"] as const;
export const reportColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(reportColumnKinds),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportRowSchema = z.object({
  cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Query string for the agent queue (/agent/tickets?…) that lists the tickets behind this row. */
  tickets: z.string().optional(),
  /** One ticket this row is about (SLA lists, comments). */
  ticketNumber: z.number().int().optional(),
  /**
   * For the text cells the server words itself, keyed like `cells`: a stable code a client can show in its
   * own language (the cell keeps the English words). `channel.<channel>`, `priority.<priority>`,
   * `bucket.<under_1h|1_8h|8_24h|over_24h>`, `weekday.<1–7, Monday first>`, `target.<first_reply|resolution>`,
   * `none.<group|service|assignee>`, `removed` (a deleted group, service or agent), `removed.policy`.
   */
  codes: z.record(z.string(), z.string()).optional(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(reportRowSchema),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/** A headline figure and the same figure for the period before, to show ▲▼ and by how much. */
export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(reportColumnKinds),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** Whether a rise is good news (more solved) or bad (longer waits): how the change is coloured. */
  higherIsBetter: z.boolean(),
  tickets: z.string().optional(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportSchema = z.object({
  kind: z.enum(reportKinds),
  range: z.object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    timeZone: z.string(),
  }),
  figures: z.array(reportFigureSchema),
  tables: z.array(reportTableSchema),
});
export type Report = z.infer<typeof reportSchema>;

/** What the service and organization filters choose from (groups and agents come from the agent directory). */
export const reportOptionsSchema = z.object({
  services: z.array(z.object({ id: z.string(), name: z.string() })),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

/** Change from the previous period, in percent; null when there is nothing to compare with. */
export function changePercent(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10;
}
