/**
 * Efficiency: how long first replies and full resolutions took (median, 90th
 * percentile and Zendesk's buckets), overall and by group, priority and
 * service; and how long requesters and agents waited.
 */
import type { Report, ReportFigure, ReportTable } from "../../common/reports.ts";
import type { Priority } from "../../common/tickets.ts";
import { codesOf, nameOf, noGroup, noService, priorityWord, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { metricsWhere, namesOf } from "./queries.ts";
import { bucketCounts, durationBuckets, median, percent, percentile, round1, sortNumbers } from "./stats.ts";

type Durations = {
  group_id: string | null;
  priority: Priority;
  service_id: string | null;
  firstReply: number | null;
  resolution: number | null;
  requesterWait: number;
  agentWait: number;
  onHold: number;
};

/** First replies of tickets created in the period; resolutions and waits of tickets solved in it. */
async function durationsOf(input: ReportInput, start: string, end: string) {
  const { db, scope, query } = input;
  const business = query.clock === "business";
  const slice = ["group_id", "priority", "service_id"] as const;
  const created = await db
    .selectFrom("ticket_metrics")
    .select([...slice, "first_reply_minutes", "first_reply_business_minutes"])
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .where("first_reply_at", "is not", null)
    .where(metricsWhere(scope, query))
    .execute();
  const solved = await db
    .selectFrom("ticket_metrics")
    .select([
      ...slice,
      "full_resolution_minutes",
      "full_resolution_business_minutes",
      "requester_wait_minutes",
      "requester_wait_business_minutes",
      "agent_wait_minutes",
      "agent_wait_business_minutes",
      "on_hold_minutes",
      "on_hold_business_minutes",
    ])
    .where("solved_at", ">=", start)
    .where("solved_at", "<", end)
    .where(metricsWhere(scope, query))
    .execute();
  const replies: Durations[] = created.map((r) => ({
    group_id: r.group_id,
    priority: r.priority,
    service_id: r.service_id,
    firstReply: business ? r.first_reply_business_minutes : r.first_reply_minutes,
    resolution: null,
    requesterWait: 0,
    agentWait: 0,
    onHold: 0,
  }));
  const resolutions: Durations[] = solved.map((r) => ({
    group_id: r.group_id,
    priority: r.priority,
    service_id: r.service_id,
    firstReply: null,
    resolution: business ? r.full_resolution_business_minutes : r.full_resolution_minutes,
    requesterWait: business ? r.requester_wait_business_minutes : r.requester_wait_minutes,
    agentWait: business ? r.agent_wait_business_minutes : r.agent_wait_minutes,
    onHold: business ? r.on_hold_business_minutes : r.on_hold_minutes,
  }));
  return { replies, resolutions };
}

const values = (rows: Durations[], pick: (d: Durations) => number | null) =>
  sortNumbers(rows.flatMap((d) => (pick(d) === null ? [] : [pick(d) as number])));

function breakdown(
  key: string,
  title: string,
  label: string,
  replies: Durations[],
  resolutions: Durations[],
  by: (d: Durations) => Worded,
): ReportTable {
  // Rows go by the words shown; each keeps the code of its words for clients in other languages.
  const codes = new Map([...replies, ...resolutions].map((d) => [by(d).text, by(d)]));
  const names = [...codes.keys()].sort();
  return {
    key,
    title,
    columns: [
      { key: "name", label, kind: "text" },
      { key: "replied", label: "Tickets replied to", kind: "count" },
      { key: "first_reply_median", label: "Median first reply", kind: "minutes" },
      { key: "first_reply_p90", label: "90% first replied within", kind: "minutes" },
      { key: "solved", label: "Tickets solved", kind: "count" },
      { key: "resolution_median", label: "Median full resolution", kind: "minutes" },
      { key: "resolution_p90", label: "90% solved within", kind: "minutes" },
    ],
    rows: names.map((name) => {
      const first = values(
        replies.filter((d) => by(d).text === name),
        (d) => d.firstReply,
      );
      const full = values(
        resolutions.filter((d) => by(d).text === name),
        (d) => d.resolution,
      );
      return {
        cells: {
          name,
          replied: first.length,
          first_reply_median: round1(median(first)),
          first_reply_p90: round1(percentile(first, 0.9)),
          solved: full.length,
          resolution_median: round1(median(full)),
          resolution_p90: round1(percentile(full, 0.9)),
        },
        ...codesOf({ name: codes.get(name) ?? { text: name } }),
      };
    }),
  };
}

export async function efficiencyReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, period } = input;
  const [current, previous] = await Promise.all([
    durationsOf(input, period.start, period.end),
    durationsOf(input, period.previous.start, period.previous.end),
  ]);
  const stat = (rows: Durations[], pick: (d: Durations) => number | null, how: "median" | "p90") => {
    const sorted = values(rows, pick);
    return round1(how === "median" ? median(sorted) : percentile(sorted, 0.9));
  };
  const figure = (
    key: string,
    label: string,
    which: "replies" | "resolutions",
    pick: (d: Durations) => number | null,
    how: "median" | "p90",
  ): ReportFigure => ({
    key,
    label,
    kind: "minutes",
    value: stat(current[which], pick, how),
    previous: stat(previous[which], pick, how),
    higherIsBetter: false,
  });
  const first = values(current.replies, (d) => d.firstReply);
  const full = values(current.resolutions, (d) => d.resolution);
  const firstBuckets = bucketCounts(first);
  const fullBuckets = bucketCounts(full);
  const groups = await namesOf(
    db,
    "groups",
    [...current.replies, ...current.resolutions].map((d) => d.group_id),
  );
  const services = await namesOf(
    db,
    "services",
    [...current.replies, ...current.resolutions].map((d) => d.service_id),
  );
  return {
    figures: [
      figure("first_reply_median", "Median first reply", "replies", (d) => d.firstReply, "median"),
      figure("first_reply_p90", "90% first replied within", "replies", (d) => d.firstReply, "p90"),
      figure("resolution_median", "Median full resolution", "resolutions", (d) => d.resolution, "median"),
      figure("resolution_p90", "90% solved within", "resolutions", (d) => d.resolution, "p90"),
      figure("requester_wait_median", "Median requester wait", "resolutions", (d) => d.requesterWait, "median"),
      figure("on_hold_median", "Median on-hold time", "resolutions", (d) => d.onHold, "median"),
    ],
    tables: [
      {
        key: "distribution",
        title: "First reply and full resolution times",
        columns: [
          { key: "bucket", label: "Time", kind: "text" },
          { key: "first_reply", label: "First replies", kind: "count" },
          { key: "first_reply_share", label: "Share of first replies", kind: "percent" },
          { key: "resolution", label: "Resolutions", kind: "count" },
          { key: "resolution_share", label: "Share of resolutions", kind: "percent" },
        ],
        rows: durationBuckets.map((bucket, i) => ({
          codes: { bucket: `bucket.${bucket.key}` },
          cells: {
            bucket: bucket.label,
            first_reply: firstBuckets[i] ?? 0,
            first_reply_share: percent(firstBuckets[i] ?? 0, first.length),
            resolution: fullBuckets[i] ?? 0,
            resolution_share: percent(fullBuckets[i] ?? 0, full.length),
          },
        })),
      },
      breakdown("by_group", "By group", "Group", current.replies, current.resolutions, (d) =>
        nameOf(groups, d.group_id, noGroup),
      ),
      breakdown("by_priority", "By priority", "Priority", current.replies, current.resolutions, (d) =>
        priorityWord(d.priority),
      ),
      breakdown("by_service", "By service", "Service", current.replies, current.resolutions, (d) =>
        nameOf(services, d.service_id, noService),
      ),
    ],
  };
}
