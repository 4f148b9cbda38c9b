/**
 * Satisfaction: the share of good ratings among the answers given in the
 * period (CSAT), over time, by agent, group and service, and the answers
 * that came with a comment. A changed answer counts once, as it stands.
 */

import { groupBy } from "../../common/group-by.ts";
import type { Report, ReportTable } from "../../common/reports.ts";
import { codesOf, nameOf, noGroup, noService, unassigned, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { bucketOf, bucketsOf, localOf } from "./period.ts";
import { metricsWhere, namesOf } from "./queries.ts";
import { percent } from "./stats.ts";

const commentLimit = 200;

async function ratingsOf(input: ReportInput, start: string, end: string) {
  const { db, scope, query } = input;
  return db
    .selectFrom("ticket_metrics")
    .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
    .select([
      "tickets.number",
      "tickets.subject",
      "ticket_metrics.assignee_id",
      "ticket_metrics.group_id",
      "ticket_metrics.service_id",
      "ticket_metrics.satisfaction_rating",
      "ticket_metrics.satisfaction_comment",
      "ticket_metrics.satisfaction_reason",
      "ticket_metrics.satisfaction_rated_at",
    ])
    .where("ticket_metrics.satisfaction_rated_at", ">=", start)
    .where("ticket_metrics.satisfaction_rated_at", "<", end)
    .where(metricsWhere(scope, query))
    .orderBy("ticket_metrics.satisfaction_rated_at", "desc")
    .execute();
}

type Rating = Awaited<ReturnType<typeof ratingsOf>>[number];

const scoreColumns: ReportTable["columns"] = [
  { key: "good", label: "Good", kind: "count" },
  { key: "bad", label: "Bad", kind: "count" },
  { key: "score", label: "CSAT", kind: "percent" },
];

function scored(list: Rating[]) {
  const good = list.filter((r) => r.satisfaction_rating === "good").length;
  return { good, bad: list.length - good, score: percent(good, list.length) };
}

function byTable(key: string, title: string, label: string, ratings: Rating[], by: (r: Rating) => Worded): ReportTable {
  const words = new Map<string, Worded>();
  const groups = groupBy(ratings, (r) => {
    const word = by(r);
    words.set(word.text, word);
    return word.text;
  });
  return {
    key,
    title,
    columns: [{ key: "name", label, kind: "text" }, ...scoreColumns],
    rows: [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([name, list]) => ({
        cells: { name, ...scored(list) },
        ...codesOf({ name: words.get(name) ?? { text: name } }),
      })),
  };
}

export async function satisfactionReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, query, period } = input;
  const [ratings, before] = await Promise.all([
    ratingsOf(input, period.start, period.end),
    ratingsOf(input, period.previous.start, period.previous.end),
  ]);
  const now = scored(ratings);
  const then = scored(before);
  const keys = bucketsOf(period, query.interval);
  const perBucket = new Map<string, Rating[]>(keys.map((k) => [k, []]));
  for (const r of ratings) {
    if (!r.satisfaction_rated_at) continue;
    perBucket.get(bucketOf(localOf(r.satisfaction_rated_at, period.timeZone).date, query.interval))?.push(r);
  }
  const agents = await namesOf(
    db,
    "users",
    ratings.map((r) => r.assignee_id),
  );
  const groups = await namesOf(
    db,
    "groups",
    ratings.map((r) => r.group_id),
  );
  const services = await namesOf(
    db,
    "services",
    ratings.map((r) => r.service_id),
  );
  return {
    figures: [
      { key: "score", label: "CSAT", kind: "percent", value: now.score, previous: then.score, higherIsBetter: true },
      {
        key: "responses",
        label: "Responses",
        kind: "count",
        value: ratings.length,
        previous: before.length,
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
        rows: keys.map((key) => ({ cells: { period: key, ...scored(perBucket.get(key) ?? []) } })),
      },
      byTable("by_agent", "By agent", "Agent", ratings, (r) => nameOf(agents, r.assignee_id, unassigned)),
      byTable("by_group", "By group", "Group", ratings, (r) => nameOf(groups, r.group_id, noGroup)),
      byTable("by_service", "By service", "Service", ratings, (r) => nameOf(services, r.service_id, noService)),
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
        rows: ratings
          .filter((r) => r.satisfaction_comment)
          .slice(0, commentLimit)
          .map((r) => {
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
