/**
 * Efficiency: how long first replies and full resolutions took (median, 90th
 * percentile and Zendesk's buckets), overall and by group, priority and
 * service; and how long requesters waited and tickets were on hold. Read
 * from the report cube's duration histograms (cube/buckets.ts).
 */
import type { Report, ReportFigure, ReportTable } from "../../common/reports.ts";
import { codesOf, nameOf, noGroup, noService, priorityWord, type Worded } from "./cell-codes.ts";
import type { ReportInput } from "./context.ts";
import { countBelow, type Histogram, histogramCount, histogramMedian, histogramPercentile } from "./cube/buckets.ts";
import type { CubeData } from "./cube/cube-data.ts";
import { loadCube } from "./cube/read.ts";
import { namesOf } from "./queries.ts";
import { durationBuckets, percent, round1 } from "./stats.ts";

/** First replies of tickets created in the period; resolutions and waits of tickets solved in it. */
function durationsOf(input: ReportInput, start: string, end: string): Promise<CubeData> {
  const { db, scope, query } = input;
  const clock = query.clock === "business" ? "_b" : "";
  return loadCube(
    db,
    scope,
    query,
    start,
    end,
    {
      dims: ["all", "priority", "service"],
      measures: [`first_reply${clock}`, `resolution${clock}`, `requester_wait${clock}`, `on_hold${clock}`],
    },
    input.now,
  );
}

type Slice = { word: Worded; first: Histogram; full: Histogram };

function breakdown(key: string, title: string, label: string, slices: Slice[]): ReportTable {
  // Rows go by the words shown (two ids with one name are one row); each keeps the code of its words.
  const byName = new Map<string, Slice>();
  for (const slice of slices) {
    const known = byName.get(slice.word.text);
    if (!known) {
      byName.set(slice.word.text, { word: slice.word, first: new Map(slice.first), full: new Map(slice.full) });
      continue;
    }
    for (const [into, from] of [
      [known.first, slice.first],
      [known.full, slice.full],
    ] as const) {
      for (const [bucket, cell] of from) {
        const was = into.get(bucket) ?? { n: 0, total: 0 };
        into.set(bucket, { n: was.n + cell.n, total: was.total + cell.total });
      }
    }
  }
  const names = [...byName.keys()].sort();
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
      const slice = byName.get(name) as Slice;
      return {
        cells: {
          name,
          replied: histogramCount(slice.first),
          first_reply_median: round1(histogramMedian(slice.first)),
          first_reply_p90: round1(histogramPercentile(slice.first, 0.9)),
          solved: histogramCount(slice.full),
          resolution_median: round1(histogramMedian(slice.full)),
          resolution_p90: round1(histogramPercentile(slice.full, 0.9)),
        },
        ...codesOf({ name: slice.word }),
      };
    }),
  };
}

export async function efficiencyReport(input: ReportInput): Promise<Pick<Report, "figures" | "tables">> {
  const { db, period, query } = input;
  const clock = query.clock === "business" ? "_b" : "";
  const [current, previous] = await Promise.all([
    durationsOf(input, period.start, period.end),
    durationsOf(input, period.previous.start, period.previous.end),
  ]);
  const firstReply = `first_reply${clock}`;
  const resolution = `resolution${clock}`;
  const figure = (key: string, label: string, measure: string, how: "median" | "p90"): ReportFigure => {
    const stat = (cube: CubeData) => {
      const histogram = cube.histogram(measure);
      return round1(how === "median" ? histogramMedian(histogram) : histogramPercentile(histogram, 0.9));
    };
    return { key, label, kind: "minutes", value: stat(current), previous: stat(previous), higherIsBetter: false };
  };
  const first = current.histogram(firstReply);
  const full = current.histogram(resolution);
  const firstCount = histogramCount(first);
  const fullCount = histogramCount(full);
  // Zendesk's buckets are edges of the cube's: counts below each upper edge, less those below the one before.
  const below = (histogram: Histogram, bucket: (typeof durationBuckets)[number], count: number) =>
    Number.isFinite(bucket.below) ? countBelow(histogram, bucket.below) : count;
  const inBucket = (histogram: Histogram, i: number, count: number) => {
    const bucket = durationBuckets[i];
    const before = durationBuckets[i - 1];
    if (!bucket) return 0;
    return below(histogram, bucket, count) - (before ? below(histogram, before, count) : 0);
  };

  const groupIds = current.groups([firstReply, resolution]);
  const serviceIds = current.values("service", [firstReply, resolution]);
  const groups = await namesOf(db, "groups", groupIds);
  const services = await namesOf(db, "services", serviceIds);
  const sliceOf = (word: Worded, pick: (measure: string) => Histogram): Slice => ({
    word,
    first: pick(firstReply),
    full: pick(resolution),
  });
  return {
    figures: [
      figure("first_reply_median", "Median first reply", firstReply, "median"),
      figure("first_reply_p90", "90% first replied within", firstReply, "p90"),
      figure("resolution_median", "Median full resolution", resolution, "median"),
      figure("resolution_p90", "90% solved within", resolution, "p90"),
      figure("requester_wait_median", "Median requester wait", `requester_wait${clock}`, "median"),
      figure("on_hold_median", "Median on-hold time", `on_hold${clock}`, "median"),
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
            first_reply: inBucket(first, i, firstCount),
            first_reply_share: percent(inBucket(first, i, firstCount), firstCount),
            resolution: inBucket(full, i, fullCount),
            resolution_share: percent(inBucket(full, i, fullCount), fullCount),
          },
        })),
      },
      breakdown(
        "by_group",
        "By group",
        "Group",
        groupIds.map((id) => sliceOf(nameOf(groups, id || null, noGroup), (m) => current.histogram(m, "all", "", id))),
      ),
      breakdown(
        "by_priority",
        "By priority",
        "Priority",
        current
          .values("priority", [firstReply, resolution])
          .map((value) => sliceOf(priorityWord(value), (m) => current.histogram(m, "priority", value))),
      ),
      breakdown(
        "by_service",
        "By service",
        "Service",
        serviceIds.map((id) =>
          sliceOf(nameOf(services, id || null, noService), (m) => current.histogram(m, "service", id)),
        ),
      ),
    ],
  };
}
