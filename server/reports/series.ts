/**
 * Created vs solved per day, week or month, and the backlog at the end of
 * each, in the viewer's time zone, from the hourly counts.
 */
import type { ReportTable } from "../../common/reports.ts";
import type { ReportInput } from "./context.ts";
import { bucketEnd, bucketOf, bucketsOf, localOf, shiftDate, startOf } from "./period.ts";
import { type HourCounts, hourlyCounts, ticketsLink, unsolvedNow } from "./queries.ts";

/** `open`: the tickets in scope unsolved now, which the backlog counts back from. */
export type Series = { created: ReportTable; backlog: ReportTable; hours: HourCounts[]; open: number };

export async function createdSolvedSeries(input: ReportInput): Promise<Series> {
  const { db, scope, query, period, now } = input;
  const until = now.localeCompare(period.end) > 0 ? now : period.end;
  const [hours, open] = await Promise.all([
    hourlyCounts(db, scope, query, period.start, until),
    unsolvedNow(db, scope, query),
  ]);
  const keys = bucketsOf(period, query.interval);
  const totals = new Map(keys.map((k) => [k, { created: 0, solved: 0 }]));
  for (const h of hours) {
    if (h.hour < period.start || h.hour >= period.end) continue;
    const bucket = totals.get(bucketOf(localOf(h.hour, period.timeZone).date, query.interval));
    if (!bucket) continue;
    bucket.created += h.created;
    bucket.solved += h.solved;
  }
  const created: ReportTable = {
    key: "created_vs_solved",
    title: "Created and solved",
    columns: [
      {
        key: "period",
        label: query.interval === "day" ? "Day" : query.interval === "week" ? "Week of" : "Month",
        kind: "date",
      },
      { key: "created", label: "Created", kind: "count" },
      { key: "solved", label: "Solved", kind: "count" },
    ],
    rows: keys.map((key) => ({
      cells: { period: key, created: totals.get(key)?.created ?? 0, solved: totals.get(key)?.solved ?? 0 },
      tickets: ticketsLink(query, { createdFrom: key, createdTo: bucketEnd(key, query.interval, period.to) }),
    })),
  };

  // Backlog at the end of a bucket: what is unsolved now, less what came in since, plus what left since. The
  // buckets' ends are walked from the latest back, each adding the hours between it and the one after: one pass
  // over the hours, where summing them again for each of a year's days was 3 million steps.
  const net = hours
    .map((h) => ({ hour: h.hour, change: h.created - h.solved - h.withdrawn + h.reopened }))
    .sort((a, b) => b.hour.localeCompare(a.hour));
  const ends = keys.map((key) => {
    const last = bucketEnd(key, query.interval, period.to);
    return { last, endsAt: startOf(shiftDate(last, 1), period.timeZone) };
  });
  let since = 0;
  let next = 0;
  const sinceEnd = ends
    .toReversed()
    .map(({ endsAt }) => {
      for (let n = net[next]; n && n.hour >= endsAt; n = net[++next]) since += n.change;
      return since;
    })
    .reverse();
  const backlog: ReportTable = {
    key: "backlog",
    title: "Unsolved tickets at the end of each period",
    columns: [
      { key: "period", label: "End of", kind: "date" },
      { key: "unsolved", label: "Unsolved", kind: "count" },
    ],
    rows: ends.map(({ last, endsAt }, i) => ({
      cells: { period: last, unsolved: endsAt > now ? open : Math.max(0, open - (sinceEnd[i] ?? 0)) },
    })),
  };
  return { created, backlog, hours, open };
}
