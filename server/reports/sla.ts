/**
 * Service levels: per policy and target, how many were met and missed (and
 * how late, on average), for tickets created in the period; and the tickets
 * at risk now (a target due within the hour) or already late, linked.
 */
import { type Expression, type SqlBool, sql } from "kysely";
import type { Report, ReportRow, ReportTable } from "../../common/reports.ts";
import { engineOf } from "../db/engine.ts";
import { codesOf, noGroup, priorityWord, removedPolicy, unassigned, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { lateUndecided } from "./cube/late.ts";
import { loadCube } from "./cube/read.ts";
import { localOf } from "./period.ts";
import { percent, round1 } from "./stats.ts";

const HOUR = 3_600_000;
const listLimit = 100;

type Tally = { policy: Worded; target: Worded; met: number; missed: number; lateN: number; lateSum: number };

const firstReplyTarget = { text: "First reply", code: "target.first_reply" } satisfies Worded;
const resolutionTarget = { text: "Resolution", code: "target.resolution" } satisfies Worded;

/** Per policy and target: met and missed (decided, from the cube, and already late though undecided). */
async function tallies(input: ReportInput, start: string, end: string) {
  const { db, scope, query, now } = input;
  const clock = query.clock === "business" ? "_b" : "";
  const [cube, late] = await Promise.all([
    loadCube(
      db,
      scope,
      query,
      start,
      end,
      {
        dims: ["policy"],
        measures: [
          "fr_set",
          "fr_met",
          "fr_missed",
          `fr_late${clock}`,
          "res_set",
          "res_met",
          "res_missed",
          `res_late${clock}`,
        ],
      },
      input.now,
    ),
    lateUndecided(db, scope, query, start, end, now),
  ]);
  const ids = cube.values("policy", ["fr_set", "res_set"]);
  const named = ids.some(Boolean)
    ? await db.selectFrom("sla_policies").select(["id", "name"]).where("id", "in", ids.filter(Boolean)).execute()
    : [];
  const names = new Map(named.map((p) => [p.id, p.name]));
  // A removed policy (or two with one name) is one row per name, as it reads.
  const byKey = new Map<string, Tally>();
  for (const id of ids) {
    const name = names.get(id);
    const policy = name === undefined ? removedPolicy : { text: name };
    for (const [target, code, undecided] of [
      [firstReplyTarget, "fr", late.fr],
      [resolutionTarget, "res", late.res],
    ] as const) {
      if (cube.count(`${code}_set`, "policy", id) === 0) continue;
      const key = `${policy.text}|${target.text}`;
      const tally = byKey.get(key) ?? { policy, target, met: 0, missed: 0, lateN: 0, lateSum: 0 };
      byKey.set(key, tally);
      tally.met += cube.count(`${code}_met`, "policy", id);
      tally.missed += cube.count(`${code}_missed`, "policy", id) + (undecided.get(id) ?? 0);
      tally.lateN += cube.count(`${code}_late${clock}`, "policy", id);
      tally.lateSum += cube.sum(`${code}_late${clock}`, "policy", id);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.policy.text.localeCompare(b.policy.text) || a.target.text.localeCompare(b.target.text),
  );
}

/**
 * Tickets whose running target is due in [from, to), in the viewer's scope and filters: how many, and the
 * first of them (soonest first, up to the list's limit).
 */
async function dueTickets(
  input: ReportInput,
  from: string | null,
  to: string,
): Promise<{ total: number; rows: ReportRow[] }> {
  const { db, scope, query, period } = input;
  // SQLite has no statistics (nothing runs ANALYZE): given a group or an agent, it read every ticket of theirs
  // through that index and sorted them (0.8 s for a group at a million tickets). A unary `+` on the filters keeps
  // them out of its index choice, so it walks the running tickets in due order (tickets_running_due, which
  // holds the group and agent) and stops at the list's limit, as for no filter. PostgreSQL chooses itself.
  const sqlite = engineOf(db) === "sqlite";
  const column = (name: "group_id" | "assignee_id" | "priority" | "service_id" | "channel" | "organization_id") =>
    sqlite ? sql<string | null>`+${sql.ref(`tickets.${name}`)}` : sql<string | null>`${sql.ref(`tickets.${name}`)}`;
  const due = db
    .selectFrom("tickets")
    .where("tickets.due_at", "is not", null)
    // Deleted tickets (in the trash) are no one's to answer.
    .where("tickets.deleted_at", "is", null)
    .where("tickets.due_at", "<", to)
    .$if(from !== null, (q) => q.where("tickets.due_at", ">=", from ?? ""))
    .where((eb) => {
      const all: Expression<SqlBool>[] = [];
      if (scope.groups)
        all.push(scope.groups.length ? eb(column("group_id"), "in", scope.groups) : sql<SqlBool>`1 = 0`);
      if (query.groupId) all.push(eb(column("group_id"), "=", query.groupId));
      if (query.assigneeId) all.push(eb(column("assignee_id"), "=", query.assigneeId));
      if (query.priority) all.push(eb(column("priority"), "=", query.priority));
      if (query.serviceId) all.push(eb(column("service_id"), "=", query.serviceId));
      if (query.channel) all.push(eb(column("channel"), "=", query.channel));
      if (query.organizationId) all.push(eb(column("organization_id"), "=", query.organizationId));
      return eb.and(all);
    });
  const rows = await due
    .leftJoin("groups", "groups.id", "tickets.group_id")
    .leftJoin("users", "users.id", "tickets.assignee_id")
    .select([
      "tickets.number",
      "tickets.subject",
      "tickets.due_at",
      "tickets.priority",
      "groups.name as group",
      "users.name as assignee",
    ])
    .orderBy("tickets.due_at")
    .limit(listLimit)
    .execute();
  // The list stops at its limit; the figure counts them all.
  const total =
    rows.length < listLimit
      ? rows.length
      : Number((await due.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return {
    total,
    rows: rows.map((r) => {
      const local = r.due_at ? localOf(r.due_at, period.timeZone) : null;
      return {
        cells: {
          number: r.number,
          subject: r.subject,
          due:
            local && r.due_at ? `${local.date} ${String(local.hour).padStart(2, "0")}:${r.due_at.slice(14, 16)}` : null,
          priority: r.priority,
          group: r.group ?? noGroup.text,
          assignee: r.assignee ?? unassigned.text,
        },
        ...codesOf({
          priority: priorityWord(r.priority),
          group: r.group === null ? noGroup : { text: r.group },
          assignee: r.assignee === null ? unassigned : { text: r.assignee },
        }),
        ticketNumber: r.number,
      };
    }),
  };
}

const listColumns: ReportTable["columns"] = [
  { key: "number", label: "Ticket", kind: "count" },
  { key: "subject", label: "Subject", kind: "text" },
  { key: "due", label: "Due", kind: "date" },
  { key: "priority", label: "Priority", kind: "text" },
  { key: "group", label: "Group", kind: "text" },
  { key: "assignee", label: "Assignee", kind: "text" },
];

export async function slaReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { period, now } = input;
  const [current, previous] = await Promise.all([
    tallies(input, period.start, period.end),
    tallies(input, period.previous.start, period.previous.end),
  ]);
  const soon = new Date(Date.parse(now) + HOUR).toISOString();
  const [atRisk, late] = await Promise.all([dueTickets(input, now, soon), dueTickets(input, null, now)]);
  const share = (list: typeof current, target?: string) => {
    const chosen = list.filter((t) => !target || t.target.code === target);
    const met = chosen.reduce((s, t) => s + t.met, 0);
    return percent(met, met + chosen.reduce((s, t) => s + t.missed, 0));
  };
  return {
    figures: [
      {
        key: "achieved",
        label: "SLA targets achieved",
        kind: "percent",
        value: share(current),
        previous: share(previous),
        higherIsBetter: true,
      },
      {
        key: "first_reply_achieved",
        label: "First reply targets achieved",
        kind: "percent",
        value: share(current, firstReplyTarget.code),
        previous: share(previous, firstReplyTarget.code),
        higherIsBetter: true,
      },
      {
        key: "resolution_achieved",
        label: "Resolution targets achieved",
        kind: "percent",
        value: share(current, resolutionTarget.code),
        previous: share(previous, resolutionTarget.code),
        higherIsBetter: true,
      },
      {
        key: "at_risk",
        label: "Due within an hour",
        kind: "count",
        value: atRisk.total,
        previous: null,
        higherIsBetter: false,
      },
      { key: "late", label: "Late now", kind: "count", value: late.total, previous: null, higherIsBetter: false },
    ],
    tables: [
      {
        key: "targets",
        title: "Targets met and missed",
        columns: [
          { key: "policy", label: "Policy", kind: "text" },
          { key: "target", label: "Target", kind: "text" },
          { key: "met", label: "Met", kind: "count" },
          { key: "missed", label: "Missed", kind: "count" },
          { key: "achieved", label: "Achieved", kind: "percent" },
          { key: "late_by", label: "Missed by, on average", kind: "minutes" },
        ],
        rows: current.map((t) => ({
          cells: {
            policy: t.policy.text,
            target: t.target.text,
            met: t.met,
            missed: t.missed,
            achieved: percent(t.met, t.met + t.missed),
            late_by: t.lateN ? round1(t.lateSum / t.lateN) : null,
          },
          ...codesOf({ policy: t.policy, target: t.target }),
        })),
      },
      { key: "at_risk", title: "Due within the next hour", columns: listColumns, rows: atRisk.rows },
      { key: "late", title: "Late now", columns: listColumns, rows: late.rows },
    ],
  };
}
