/**
 * Satisfaction: the share of good ratings among the answers given in the
 * period (CSAT), over time, by agent, group and service, and the answers
 * that came with a comment. A changed answer counts once, as it stands.
 */

import type { Report, ReportTable } from "../../common/reports.ts";
import { codesOf, nameOf, noGroup, noService, unassigned, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import type { CubeData } from "./cube/cube-data.ts";
import { loadCube, ratingsByHour } from "./cube/read.ts";
import { bucketOf, bucketsOf, localOf } from "./period.ts";
import { metricsWhere, namesOf } from "./queries.ts";
import { percent } from "./stats.ts";

const commentLimit = 200;

/** Good and bad answers in the period, in total and by agent, group and service (the report cube). */
function ratingsOf(input: ReportInput, start: string, end: string) {
  const { db, scope, query } = input;
  return loadCube(
    db,
    scope,
    query,
    start,
    end,
    {
      dims: ["all", "assignee", "service"],
      measures: ["rated_good", "rated_bad"],
    },
    input.now,
  );
}

/** The latest answers with a comment (read through `ticket_metrics_commented`, migration 0085). */
export function commentsQuery(input: Pick<ReportInput, "db" | "scope" | "query" | "period">) {
  const { db, scope, query, period } = input;
  return db
    .selectFrom("ticket_metrics")
    .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
    .select([
      "tickets.number",
      "ticket_metrics.assignee_id",
      "ticket_metrics.satisfaction_rating",
      "ticket_metrics.satisfaction_comment",
      "ticket_metrics.satisfaction_reason",
      "ticket_metrics.satisfaction_rated_at",
    ])
    .where("ticket_metrics.satisfaction_rated_at", ">=", period.start)
    .where("ticket_metrics.satisfaction_rated_at", "<", period.end)
    .where("ticket_metrics.satisfaction_comment", "is not", null)
    .where("ticket_metrics.satisfaction_comment", "!=", "")
    .where(metricsWhere(scope, query))
    .orderBy("ticket_metrics.satisfaction_rated_at", "desc")
    .limit(commentLimit);
}

function commentsOf(input: ReportInput) {
  return commentsQuery(input).execute();
}

const scoreColumns: ReportTable["columns"] = [
  { key: "good", label: "Good", kind: "count" },
  { key: "bad", label: "Bad", kind: "count" },
  { key: "score", label: "CSAT", kind: "percent" },
];

const scored = (good: number, bad: number) => ({ good, bad, score: percent(good, good + bad) });

type Scores = { word: Worded; good: number; bad: number };

function byTable(key: string, title: string, label: string, list: Scores[]): ReportTable {
  // Rows go by the words shown: two ids with one name are one row.
  const byName = new Map<string, Scores>();
  for (const item of list) {
    if (item.good + item.bad === 0) continue;
    const known = byName.get(item.word.text);
    if (known) {
      known.good += item.good;
      known.bad += item.bad;
    } else byName.set(item.word.text, { ...item });
  }
  return {
    key,
    title,
    columns: [{ key: "name", label, kind: "text" }, ...scoreColumns],
    rows: [...byName.values()]
      .sort((a, b) => b.good + b.bad - (a.good + a.bad) || a.word.text.localeCompare(b.word.text))
      .map((item) => ({
        cells: { name: item.word.text, ...scored(item.good, item.bad) },
        ...codesOf({ name: item.word }),
      })),
  };
}

export async function satisfactionReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, query, period, scope } = input;
  const [ratings, before, comments] = await Promise.all([
    ratingsOf(input, period.start, period.end),
    ratingsOf(input, period.previous.start, period.previous.end),
    commentsOf(input),
  ]);
  const total = (cube: CubeData) => scored(cube.count("rated_good"), cube.count("rated_bad"));
  const now = total(ratings);
  const then = total(before);
  const keys = bucketsOf(period, query.interval);
  const perBucket = new Map(keys.map((k) => [k, { good: 0, bad: 0 }]));
  const hours = await ratingsByHour(db, scope, query, period.start, period.end, ratings.plan);
  for (const [hour, counts] of hours) {
    const bucket = perBucket.get(bucketOf(localOf(hour, period.timeZone).date, query.interval));
    if (!bucket) continue;
    bucket.good += counts.good;
    bucket.bad += counts.bad;
  }
  const measures = ["rated_good", "rated_bad"];
  const agentIds = ratings.values("assignee", measures);
  const groupIds = ratings.groups(measures);
  const serviceIds = ratings.values("service", measures);
  const agents = await namesOf(db, "users", [...agentIds, ...comments.map((c) => c.assignee_id)]);
  const groups = await namesOf(db, "groups", groupIds);
  const services = await namesOf(db, "services", serviceIds);
  const responses = (s: { good: number; bad: number }) => s.good + s.bad;
  return {
    figures: [
      { key: "score", label: "CSAT", kind: "percent", value: now.score, previous: then.score, higherIsBetter: true },
      {
        key: "responses",
        label: "Responses",
        kind: "count",
        value: responses(now),
        previous: responses(then),
        higherIsBetter: true,
      },
      { key: "good", label: "Good", kind: "count", value: now.good, previous: then.good, higherIsBetter: true },
      { key: "bad", label: "Bad", kind: "count", value: now.bad, previous: then.bad, higherIsBetter: false },
    ],
    tables: [
      {
        key: "over_time",
        title: "CSAT over time",
        columns: [{ key: "period", label: "Period", kind: "date" }, ...scoreColumns],
        rows: keys.map((key) => {
          const counts = perBucket.get(key) ?? { good: 0, bad: 0 };
          return { cells: { period: key, ...scored(counts.good, counts.bad) } };
        }),
      },
      byTable(
        "by_agent",
        "By agent",
        "Agent",
        agentIds.map((id) => ({
          word: nameOf(agents, id || null, unassigned),
          good: ratings.count("rated_good", "assignee", id),
          bad: ratings.count("rated_bad", "assignee", id),
        })),
      ),
      byTable(
        "by_group",
        "By group",
        "Group",
        groupIds.map((id) => ({
          word: nameOf(groups, id || null, noGroup),
          good: ratings.count("rated_good", "all", "", id),
          bad: ratings.count("rated_bad", "all", "", id),
        })),
      ),
      byTable(
        "by_service",
        "By service",
        "Service",
        serviceIds.map((id) => ({
          word: nameOf(services, id || null, noService),
          good: ratings.count("rated_good", "service", id),
          bad: ratings.count("rated_bad", "service", id),
        })),
      ),
      {
        key: "comments",
        title: "Answers with a comment",
        columns: [
          { key: "number", label: "Ticket", kind: "count" },
          { key: "rating", label: "Rating", kind: "rating" },
          { key: "comment", label: "Comment", kind: "text" },
          { key: "reason", label: "Reason", kind: "text" },
          { key: "rated", label: "Rated on", kind: "date" },
          { key: "agent", label: "Agent", kind: "text" },
        ],
        rows: comments.map((r) => {
          const agent = nameOf(agents, r.assignee_id, unassigned);
          return {
            cells: {
              number: r.number,
              rating: r.satisfaction_rating,
              comment: r.satisfaction_comment,
              reason: r.satisfaction_reason,
              rated: r.satisfaction_rated_at ? localOf(r.satisfaction_rated_at, period.timeZone).date : null,
              agent: agent.text,
            },
            ...codesOf({ agent }),
            ticketNumber: r.number,
          };
        }),
      },
    ],
  };
}
