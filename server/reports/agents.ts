/**
 * Agents and groups: for tickets solved in the period, per assignee and per
 * group, how many were solved, replies and touches, median first reply and
 * resolution, how many were reassigned or reopened, and their CSAT. Read from
 * the report cube (its "assignee" dimension, and its per-group totals).
 */

import type { Report, ReportTable } from "../../common/reports.ts";
import { codesOf, nameOf, noGroup, unassigned, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { histogramMedian } from "./cube/buckets.ts";
import type { CubeData } from "./cube/cube-data.ts";
import { loadCube } from "./cube/read.ts";
import { namesOf, ticketsLink } from "./queries.ts";
import { percent, round1 } from "./stats.ts";

/** How one row's figures are read: from the "assignee" dimension by agent, from the group totals by group. */
type Reader = {
  count: (measure: string) => number;
  sum: (measure: string) => number;
  median: (measure: string) => number | null;
};

function table(
  key: string,
  title: string,
  label: string,
  ids: readonly string[],
  read: (id: string) => Reader,
  names: Map<string, string>,
  link: (id: string) => string,
  reassigned: "reassigned" | "regrouped",
  none: Worded,
  clock: string,
): ReportTable {
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
    rows: ids
      .map((id) => ({ id, row: read(id) }))
      .filter(({ row }) => row.count("solved") > 0)
      .sort(
        (a, b) =>
          b.row.count("solved") - a.row.count("solved") ||
          nameOf(names, a.id || null, none).text.localeCompare(nameOf(names, b.id || null, none).text),
      )
      .map(({ id, row }) => {
        const name = nameOf(names, id || null, none);
        return {
          cells: {
            name: name.text,
            solved: row.count("solved"),
            replies: row.sum("replies"),
            touches: row.sum("touches"),
            first_reply_median: round1(row.median(`solved_first_reply${clock}`)),
            resolution_median: round1(row.median(`resolution${clock}`)),
            reassigned: row.count(reassigned),
            reopened: row.count("reopened"),
            csat: percent(row.count("csat_good"), row.count("csat_rated")),
          },
          ...codesOf({ name }),
          ...(id ? { tickets: link(id) } : {}),
        };
      }),
  };
}

const byAgent =
  (cube: CubeData) =>
  (id: string): Reader => ({
    count: (measure) => cube.count(measure, "assignee", id),
    sum: (measure) => cube.sum(measure, "assignee", id),
    median: (measure) => histogramMedian(cube.histogram(measure, "assignee", id)),
  });

const byGroup =
  (cube: CubeData) =>
  (id: string): Reader => ({
    count: (measure) => cube.count(measure, "all", "", id),
    sum: (measure) => cube.sum(measure, "all", "", id),
    median: (measure) => histogramMedian(cube.histogram(measure, "all", "", id)),
  });

export async function agentsReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, scope, query, period } = input;
  const clock = query.clock === "business" ? "_b" : "";
  const cube = await loadCube(
    db,
    scope,
    query,
    period.start,
    period.end,
    {
      dims: ["all", "assignee"],
      measures: [
        "solved",
        "replies",
        "touches",
        `solved_first_reply${clock}`,
        `resolution${clock}`,
        "reassigned",
        "regrouped",
        "reopened",
        "csat_good",
        "csat_rated",
      ],
    },
    input.now,
  );
  const agentIds = cube.values("assignee", ["solved"]);
  const groupIds = cube.groups(["solved"]);
  const agents = await namesOf(db, "users", agentIds);
  const groups = await namesOf(db, "groups", groupIds);
  const inPeriod = { statusCategory: ["solved", "closed"] };
  return {
    figures: [],
    tables: [
      table(
        "agents",
        "Agents",
        "Agent",
        agentIds,
        byAgent(cube),
        agents,
        (id) => ticketsLink(query, { ...inPeriod, assigneeId: id }),
        "reassigned",
        unassigned,
        clock,
      ),
      table(
        "groups",
        "Groups",
        "Group",
        groupIds,
        byGroup(cube),
        groups,
        (id) => ticketsLink(query, { ...inPeriod, groupId: id }),
        "regrouped",
        noGroup,
        clock,
      ),
    ],
  };
}
