/**
 * A report's cube for one period, summed from month rows, day rows and metrics rows alike: counts, sums and
 * histograms per group, dimension value and measure.
 */
import { addToHistogram, type Histogram } from "./buckets.ts";
import { type CubeCell, type CubeDim, countBucket, sliceFixes } from "./contributions.ts";
import type { Span } from "./source.ts";

/**
 * Which parts of a period come from month rows, day rows and metrics rows (read.ts `planCube`), and the build of
 * each month and day read from the cube ("month 2026-11-01" → its build id, null for one built before ids).
 */
export type CubePlan = { months: string[]; days: string[]; spans: Span[]; builds: Map<string, string | null> };

type Cells = Map<number, { n: number; total: number }>;

export class CubeData {
  /** Which parts were read from the cube's rows and which from the metrics rows. */
  plan: CubePlan = { months: [], days: [], spans: [], builds: new Map() };

  /** dim → measure → value → group → bucket → cell. */
  private readonly cells = new Map<CubeDim, Map<string, Map<string, Map<string, Cells>>>>();

  /** The dimension the slice holds one value of (its cells are the slice's "all", contributions.ts). */
  private readonly fixed: { dim: CubeDim; value: string } | undefined;

  /** The figures of one slice ("" for every ticket): cells of any other are left out. */
  readonly slice: string;

  constructor(slice = "") {
    this.slice = slice;
    this.fixed = sliceFixes(slice);
  }

  add(cell: CubeCell): void {
    if (cell.slice !== this.slice) return;
    let byMeasure = this.cells.get(cell.dim);
    if (!byMeasure) {
      byMeasure = new Map();
      this.cells.set(cell.dim, byMeasure);
    }
    let byValue = byMeasure.get(cell.measure);
    if (!byValue) {
      byValue = new Map();
      byMeasure.set(cell.measure, byValue);
    }
    let byGroup = byValue.get(cell.value);
    if (!byGroup) {
      byGroup = new Map();
      byValue.set(cell.value, byGroup);
    }
    let buckets = byGroup.get(cell.group);
    if (!buckets) {
      buckets = new Map();
      byGroup.set(cell.group, buckets);
    }
    addToHistogram(buckets, cell.bucket, cell.n, cell.total);
  }

  private groupsOf(dim: CubeDim, measure: string, value: string): Map<string, Cells> | undefined {
    if (dim === this.fixed?.dim) return value === this.fixed.value ? this.groupsOf("all", measure, "") : undefined;
    return this.cells.get(dim)?.get(measure)?.get(value);
  }

  /** The values of a dimension that have any of the measures. */
  values(dim: CubeDim, measures: readonly string[]): string[] {
    if (dim === this.fixed?.dim)
      return measures.some((measure) => this.groupsOf("all", measure, "")) ? [this.fixed.value] : [];
    const seen = new Set<string>();
    for (const measure of measures)
      for (const value of this.cells.get(dim)?.get(measure)?.keys() ?? []) seen.add(value);
    return [...seen];
  }

  /** The groups with any of the measures (dimension "all"). */
  groups(measures: readonly string[]): string[] {
    const seen = new Set<string>();
    for (const measure of measures)
      for (const group of this.groupsOf("all", measure, "")?.keys() ?? []) seen.add(group);
    return [...seen];
  }

  /** How many were counted (and their sum), over every group or one. */
  count(measure: string, dim: CubeDim = "all", value = "", group?: string): number {
    return this.cell(measure, dim, value, group).n;
  }

  sum(measure: string, dim: CubeDim = "all", value = "", group?: string): number {
    return this.cell(measure, dim, value, group).total;
  }

  private cell(measure: string, dim: CubeDim, value: string, group?: string) {
    const out = { n: 0, total: 0 };
    for (const [g, buckets] of this.groupsOf(dim, measure, value) ?? []) {
      if (group !== undefined && g !== group) continue;
      const cell = buckets.get(countBucket);
      if (cell) {
        out.n += cell.n;
        out.total += cell.total;
      }
    }
    return out;
  }

  /** A duration's histogram, over every group or one. */
  histogram(measure: string, dim: CubeDim = "all", value = "", group?: string): Histogram {
    const out: Histogram = new Map();
    for (const [g, buckets] of this.groupsOf(dim, measure, value) ?? []) {
      if (group !== undefined && g !== group) continue;
      for (const [bucket, cell] of buckets) if (bucket !== countBucket) addToHistogram(out, bucket, cell.n, cell.total);
    }
    return out;
  }
}
