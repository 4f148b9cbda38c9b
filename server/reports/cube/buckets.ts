/**
 * Durations (minutes) in fixed buckets, so a year of first replies is a few dozen counts instead of a million
 * values. Each bucket also keeps the sum of its values: a median or percentile is the mean of the bucket it
 * falls in, exact when the values there are all alike and within the bucket's width otherwise (docs/reports.md).
 * The edges include Zendesk's (1, 8 and 24 hours), so the distribution counts are exact.
 */

/** Lower edges, in minutes; the last bucket has no upper edge. */
export const bucketEdges: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 105, 120, 150, 180, 240, 300, 360, 420, 480,
  600, 720, 900, 1080, 1260, 1440, 1800, 2160, 2880, 3600, 4320, 5760, 7200, 8640, 10080, 14400, 20160, 30240, 43200,
  64800, 86400, 129600, 172800, 259200, 525600,
];

/** The bucket a duration falls in (negative durations count as 0). */
export function bucketOf(minutes: number): number {
  let low = 0;
  let high = bucketEdges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((bucketEdges[middle] ?? 0) <= minutes) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** How many values fell in each bucket, and their sum. */
export type Histogram = Map<number, { n: number; total: number }>;

export function addToHistogram(into: Histogram, bucket: number, n: number, total: number): void {
  const cell = into.get(bucket);
  if (cell) {
    cell.n += n;
    cell.total += total;
  } else into.set(bucket, { n, total });
}

export function histogramCount(histogram: Histogram): number {
  let n = 0;
  for (const cell of histogram.values()) n += cell.n;
  return n;
}

/** The value of the rank-th smallest (1-based): the mean of its bucket. */
function valueAtRank(sorted: readonly [number, { n: number; total: number }][], rank: number): number | null {
  let seen = 0;
  for (const [, cell] of sorted) {
    seen += cell.n;
    if (seen >= rank) return cell.total / cell.n;
  }
  return null;
}

const ascending = (histogram: Histogram) =>
  [...histogram.entries()].filter(([, c]) => c.n > 0).sort((a, b) => a[0] - b[0]);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function histogramMedian(histogram: Histogram): number | null {
  const sorted = ascending(histogram);
  const n = sorted.reduce((s, [, c]) => s + c.n, 0);
  if (n === 0) return null;
  if (n % 2 === 1) return valueAtRank(sorted, (n + 1) / 2);
  const lower = valueAtRank(sorted, n / 2);
  const upper = valueAtRank(sorted, n / 2 + 1);
  return lower === null || upper === null ? null : (lower + upper) / 2;
}

/** The value at a share of the values (nearest rank), as `percentile` in ../stats.ts; null for none. */
export function histogramPercentile(histogram: Histogram, share: number): number | null {
  const sorted = ascending(histogram);
  const n = sorted.reduce((s, [, c]) => s + c.n, 0);
  if (n === 0) return null;
  return valueAtRank(sorted, Math.max(1, Math.ceil(share * n)));
}

/** How many values are below `minutes`, which must be a bucket edge. */
export function countBelow(histogram: Histogram, minutes: number): number {
  const edge = bucketEdges.indexOf(minutes);
  if (edge < 0) throw new Error(`${minutes} minutes is not a bucket edge.`);
  let n = 0;
  for (const [bucket, cell] of histogram) if (bucket < edge) n += cell.n;
  return n;
}
