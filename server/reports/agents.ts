/**
 * Agents and groups: for tickets solved in the period, per assignee and per
 * group, how many were solved, replies and touches, median first reply and
 * resolution, how many were reassigned or reopened, and their CSAT.
 */

import { groupBy } from "../../common/group-by.ts";
import type { Report, ReportTable } from "../../common/reports.ts";
import { codesOf, nameOf, noGroup, unassigned, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { metricsWhere, namesOf, ticketsLink } from "./queries.ts";
import { median, percent, round1, sortNumbers } from "./stats.ts";

type Solved = {
  assignee_id: string | null;
  group_id: string | null;
  replies: number;
  agent_touches: number;
  reopens: number;
  assignee_stations: number;
  group_stations: number;
  firstReply: number | null;
  resolution: number | null;
  satisfaction_rating: "good" | "bad" | null;
};

function table(
  key: string,
  title: string,
  label: string,
  rows: Solved[],
  by: (s: Solved) => string | null,
  names: Map<string, string>,
  link: (id: string) => string,
  reassigned: (s: Solved) => boolean,
  none: Worded,
): ReportTable {
  const groups = groupBy(rows, (row) => by(row) ?? "");
  return {
    key,
    title,
    columns: [
      { key: "name", label, kind: "text" },
      { key: "solved", label: "Solved", kind: "count" },
      { key: "replies", label: "Replies", kind: "count" },
      { key: "touches", label: "Agent touches", kind: "count" },
      { key: "first_reply_median", label: "Median first reply", kind: "minutes" },
      { key: "resolution_median", label: "Median full resolution", kind: "minutes" },
      { key: "reassigned", label: "Reassigned", kind: "count" },
      { key: "reopened", label: "Reopened", kind: "count" },
      { key: "csat", label: "CSAT", kind: "percent" },
    ],
    rows: [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([id, list]) => {
        const good = list.filter((s) => s.satisfaction_rating === "good").length;
        const rated = list.filter((s) => s.satisfaction_rating !== null).length;
        const pick = (f: (s: Solved) => number | null) =>
          round1(median(sortNumbers(list.flatMap((s) => (f(s) === null ? [] : [f(s) as number])))));
        const name = nameOf(names, id || null, none);
        return {
          cells: {
            name: name.text,
            solved: list.length,
            replies: list.reduce((s, r) => s + r.replies, 0),
            touches: list.reduce((s, r) => s + r.agent_touches, 0),
            first_reply_median: pick((s) => s.firstReply),
            resolution_median: pick((s) => s.resolution),
            reassigned: list.filter(reassigned).length,
            reopened: list.filter((s) => s.reopens > 0).length,
            csat: percent(good, rated),
          },
          ...codesOf({ name }),
          ...(id ? { tickets: link(id) } : {}),
        };
      }),
  };
}

export async function agentsReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, scope, query, period } = input;
  const business = query.clock === "business";
  const stored = await db
    .selectFrom("ticket_metrics")
    .select([
      "assignee_id",
      "group_id",
      "replies",
      "agent_touches",
      "reopens",
      "assignee_stations",
      "group_stations",
      "first_reply_minutes",
      "first_reply_business_minutes",
      "full_resolution_minutes",
      "full_resolution_business_minutes",
      "satisfaction_rating",
    ])
    .where("solved_at", ">=", period.start)
    .where("solved_at", "<", period.end)
    .where(metricsWhere(scope, query))
    .execute();
  const rows: Solved[] = stored.map((r) => ({
    ...r,
    firstReply: business ? r.first_reply_business_minutes : r.first_reply_minutes,
    resolution: business ? r.full_resolution_business_minutes : r.full_resolution_minutes,
  }));
  const agents = await namesOf(
    db,
    "users",
    rows.map((r) => r.assignee_id),
  );
  const groups = await namesOf(
    db,
    "groups",
    rows.map((r) => r.group_id),
  );
  const inPeriod = { statusCategory: ["solved", "closed"] };
  return {
    figures: [],
    tables: [
      table(
        "agents",
        "Agents",
        "Agent",
        rows,
        (s) => s.assignee_id,
        agents,
        (id) => ticketsLink(query, { ...inPeriod, assigneeId: id }),
        (s) => s.assignee_stations > 1,
        unassigned,
      ),
      table(
        "groups",
        "Groups",
        "Group",
        rows,
        (s) => s.group_id,
        groups,
        (id) => ticketsLink(query, { ...inPeriod, groupId: id }),
        (s) => s.group_stations > 1,
        noGroup,
      ),
    ],
  };
}
