/**
 * The reports' words in the viewer's language. The API names its tables, columns and figures by stable keys
 * and words some cells by codes (common/reports.ts); here each key is spelt out once so
 * scripts/check-messages.ts sees it is used. A key the web does not know yet (a newer server) shows the
 * server's English words rather than nothing.
 */
import type { TicketChannel } from "../../../common/new-ticket.ts";
import type { ReportColumn, ReportFigure, ReportKind, ReportTable } from "../../../common/reports.ts";
import { type Priority, priorities } from "../../../common/tickets.ts";
import { type Translate, useT } from "../../i18n/use-t.ts";
import { channelLabel, priorityOptions } from "../agent-words.ts";
import { hourName, weekdayName } from "./format.ts";
import type { PeriodPreset } from "./report-period.ts";

export type Interval = "day" | "week" | "month";

export function reportKindLabels(t: Translate): Record<ReportKind, string> {
  return {
    overview: t("reports.tab.overview"),
    volume: t("reports.tab.volume"),
    efficiency: t("reports.tab.efficiency"),
    sla: t("reports.tab.sla"),
    agents: t("reports.tab.agents"),
    satisfaction: t("reports.tab.satisfaction"),
  };
}

export function periodPresetLabels(t: Translate): Record<PeriodPreset, string> {
  return {
    "7d": t("reports.preset.last7Days"),
    "30d": t("reports.preset.last30Days"),
    "90d": t("reports.preset.last90Days"),
    "12m": t("reports.preset.last12Months"),
    month: t("reports.preset.thisMonth"),
    custom: t("reports.preset.custom"),
  };
}

function measures(t: Translate) {
  return {
    created: t("reports.measure.created"),
    solved: t("reports.measure.solved"),
    ticketsCreated: t("reports.measure.ticketsCreated"),
    ticketsSolved: t("reports.measure.ticketsSolved"),
    firstReplyMedian: t("reports.measure.firstReplyMedian"),
    firstReplyP90: t("reports.measure.firstReplyP90"),
    resolutionMedian: t("reports.measure.resolutionMedian"),
    resolutionP90: t("reports.measure.resolutionP90"),
    slaAchieved: t("reports.measure.slaAchieved"),
    reopened: t("reports.measure.reopened"),
    csat: t("reports.measure.csat"),
    good: t("reports.measure.good"),
    bad: t("reports.measure.bad"),
    lateNow: t("reports.measure.lateNow"),
  };
}

/** Everything the reports say about what the server sent, in one object built once per render. */
export function useReportWords(interval: Interval) {
  const t = useT();
  const locale = t.intl.locale;
  const m = measures(t);

  const figures: Record<string, string> = {
    created: m.ticketsCreated,
    solved: m.ticketsSolved,
    unsolved: t("reports.figure.unsolvedNow"),
    oneTouch: t("reports.figure.oneTouch"),
    reopened: m.reopened,
    firstReply: m.firstReplyMedian,
    resolution: m.resolutionMedian,
    sla: m.slaAchieved,
    first_reply_median: m.firstReplyMedian,
    first_reply_p90: m.firstReplyP90,
    resolution_median: m.resolutionMedian,
    resolution_p90: m.resolutionP90,
    requester_wait_median: t("reports.figure.requesterWaitMedian"),
    on_hold_median: t("reports.figure.onHoldMedian"),
    achieved: m.slaAchieved,
    first_reply_achieved: t("reports.figure.firstReplyAchieved"),
    resolution_achieved: t("reports.figure.resolutionAchieved"),
    at_risk: t("reports.figure.dueWithinHour"),
    late: m.lateNow,
    score: m.csat,
    responses: t("reports.figure.responses"),
    good: m.good,
    bad: m.bad,
  };

  const tables: Record<string, string> = {
    created_vs_solved: t("reports.table.createdVsSolved"),
    backlog: t("reports.table.backlog"),
    by_channel: t("reports.table.byChannel"),
    by_priority: t("reports.table.byPriority"),
    by_service: t("reports.table.byService"),
    by_group: t("reports.table.byGroup"),
    by_agent: t("reports.table.byAgent"),
    distribution: t("reports.table.distribution"),
    targets: t("reports.table.targets"),
    at_risk: t("reports.table.atRisk"),
    late: m.lateNow,
    agents: t("reports.table.agents"),
    groups: t("reports.table.groups"),
    over_time: t("reports.table.overTime"),
    comments: t("reports.table.comments"),
  };

  const group = t("reports.column.group");
  const agent = t("reports.column.agent");
  const priority = t("reports.column.priority");
  // The first column of a breakdown names what it is broken down by.
  const names: Record<string, string> = {
    by_channel: t("reports.column.channel"),
    by_priority: priority,
    by_service: t("reports.column.service"),
    by_group: group,
    groups: group,
    by_agent: agent,
    agents: agent,
  };
  const periods: Record<Interval, string> = {
    day: t("reports.column.day"),
    week: t("reports.column.weekOf"),
    month: t("reports.column.month"),
  };
  const columns: Record<string, string> = {
    created: m.created,
    solved: m.solved,
    unsolved: t("reports.column.unsolved"),
    weekday: t("reports.column.weekday"),
    bucket: t("reports.column.time"),
    first_reply: t("reports.column.firstReplies"),
    first_reply_share: t("reports.column.firstReplyShare"),
    resolution: t("reports.column.resolutions"),
    resolution_share: t("reports.column.resolutionShare"),
    replied: t("reports.column.replied"),
    first_reply_median: m.firstReplyMedian,
    first_reply_p90: m.firstReplyP90,
    resolution_median: m.resolutionMedian,
    resolution_p90: m.resolutionP90,
    policy: t("reports.column.policy"),
    target: t("reports.column.target"),
    met: t("reports.column.met"),
    missed: t("reports.column.missed"),
    achieved: t("reports.column.achieved"),
    late_by: t("reports.column.lateBy"),
    number: t("reports.column.ticket"),
    subject: t("reports.column.subject"),
    due: t("reports.column.due"),
    priority,
    group,
    assignee: t("reports.column.assignee"),
    replies: t("reports.column.replies"),
    touches: t("reports.column.touches"),
    reassigned: t("reports.column.reassigned"),
    reopened: m.reopened,
    csat: m.csat,
    score: m.csat,
    good: m.good,
    bad: m.bad,
    rating: t("reports.column.rating"),
    comment: t("reports.column.comment"),
    reason: t("reports.column.reason"),
    rated: t("reports.column.rated"),
    agent,
  };

  const priorityNames = Object.fromEntries(priorityOptions(t).map((o) => [o.value, o.label])) as Record<
    Priority,
    string
  >;
  const channels: TicketChannel[] = ["web", "email", "phone", "walk_in"];
  const codes: Record<string, string> = {
    ...Object.fromEntries(priorities.map((p) => [`priority.${p}`, priorityNames[p]])),
    ...Object.fromEntries(channels.map((c) => [`channel.${c}`, channelLabel(t, c)])),
    "bucket.under_1h": t("reports.code.under1h"),
    "bucket.1_8h": t("reports.code.from1To8h"),
    "bucket.8_24h": t("reports.code.from8To24h"),
    "bucket.over_24h": t("reports.code.over24h"),
    "target.first_reply": t("reports.code.firstReply"),
    "target.resolution": t("reports.code.resolution"),
    "none.group": t("reports.code.noGroup"),
    "none.service": t("reports.code.noService"),
    "none.assignee": t("reports.code.unassigned"),
    removed: t("reports.code.removed"),
    "removed.policy": t("reports.code.removedPolicy"),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [`weekday.${day}`, weekdayName(day, locale)])),
  };
  // One answer's rating reads as the requester chose it (the figures count them: "Good" as a plural there).
  const ratings: Record<string, string> = { good: t("requests.rating.good"), bad: t("requests.rating.bad") };

  return {
    locale,
    figureLabel: (figure: ReportFigure) => figures[figure.key] ?? figure.label,
    tableTitle: (table: ReportTable, timeZone: string) =>
      table.key === "busiest_hours"
        ? t("reports.table.busiestHours", { timeZone })
        : (tables[table.key] ?? table.title),
    columnLabel: (kind: ReportKind, table: ReportTable, column: ReportColumn): string => {
      const hour = /^h(\d+)$/.exec(column.key);
      if (table.key === "busiest_hours" && hour) return hourName(Number(hour[1]), locale);
      if (column.key === "name") return names[table.key] ?? column.label;
      if (column.key === "period") {
        if (table.key === "backlog") return t("reports.column.endOf");
        if (table.key === "over_time") return t("reports.column.period");
        return periods[interval];
      }
      // Efficiency counts tickets solved next to tickets replied to; elsewhere "Solved" is plain.
      if (kind === "efficiency" && column.key === "solved") return m.ticketsSolved;
      return columns[column.key] ?? column.label;
    },
    /** A text cell the server worded: its code's words, or (a name people gave, say) the cell as it is. */
    cellWords: (code: string | undefined, kind: ReportColumn["kind"], value: string): string =>
      (code ? codes[code] : undefined) ?? (kind === "rating" ? (ratings[value] ?? value) : value),
  };
}

export type ReportWords = ReturnType<typeof useReportWords>;
