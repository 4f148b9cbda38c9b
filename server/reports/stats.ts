/** Summaries of a list of durations (minutes): the middle, the 90th percentile, and Zendesk's buckets. */

/** The value at a share of the sorted list (nearest rank); null for an empty list. */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export const durationBuckets = [
  { key: "under_1h", label: "Under 1 hour", below: 60 },
  { key: "1_8h", label: "1–8 hours", below: 8 * 60 },
  { key: "8_24h", label: "8–24 hours", below: 24 * 60 },
  { key: "over_24h", label: "Over 24 hours", below: Number.POSITIVE_INFINITY },
] as const;

export function bucketCounts(values: readonly number[]): number[] {
  const counts = durationBuckets.map(() => 0);
  for (const value of values) {
    const index = durationBuckets.findIndex((b) => value < b.below);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

export const sortNumbers = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

/** A share in percent, one decimal; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
