/**
 * The period a report covers and the buckets it draws, in the viewer's time
 * zone: local dates become instants (through the same DST-aware conversion
 * the business calendars use), and instants fall into local days, weeks
 * (starting Monday), months and weekday × hour cells.
 */
import type { ReportQuery } from "../../common/reports.ts";
import { localToInstant } from "../sla/calendar.ts";

const DAY = 86_400_000;

export type Period = {
  /** Inclusive local dates, and the instants they span (end exclusive). */
  from: string;
  to: string;
  start: string;
  end: string;
  previous: { from: string; to: string; start: string; end: string };
  timeZone: string;
};

function parseDate(date: string) {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The instant a local date begins in a time zone. */
export function startOf(date: string, timeZone: string): string {
  return new Date(localToInstant(parseDate(date), 0, timeZone)).toISOString();
}

export function periodOf(query: Pick<ReportQuery, "from" | "to" | "timeZone">): Period {
  const days = Math.round((Date.parse(query.to) - Date.parse(query.from)) / DAY) + 1;
  const previousTo = shiftDate(query.from, -1);
  const previousFrom = shiftDate(query.from, -days);
  const span = (from: string, to: string) => ({
    from,
    to,
    start: startOf(from, query.timeZone),
    end: startOf(shiftDate(to, 1), query.timeZone),
  });
  return {
    ...span(query.from, query.to),
    previous: span(previousFrom, previousTo),
    timeZone: query.timeZone,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

type LocalParts = { date: string; weekday: number; hour: number };

// Reports read hourly rollups: the same hour comes back once per group, channel and priority, and an Intl
// conversion per row was a third of a report's time. The answer for an instant never changes, so it is kept
// (a year has 8,760 hours; the cache starts over past a bound so odd instants cannot grow it for ever).
const localCache = new Map<string, LocalParts>();
const localCacheBound = 100_000;

/** An instant's local date ("YYYY-MM-DD"), weekday (0 = Sunday) and hour in a time zone. */
export function localOf(instant: string | number, timeZone: string): LocalParts {
  const key = `${timeZone} ${instant}`;
  const known = localCache.get(key);
  if (known) return known;
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays.indexOf(parts.weekday ?? "Sun"),
    hour: Number(parts.hour),
  };
  if (localCache.size >= localCacheBound) localCache.clear();
  localCache.set(key, local);
  return local;
}

export type Interval = ReportQuery["interval"];

/** The bucket a local date falls in: the day itself, the Monday of its week, or the first of its month. */
export function bucketOf(date: string, interval: Interval): string {
  if (interval === "day") return date;
  if (interval === "month") return `${date.slice(0, 7)}-01`;
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return shiftDate(date, -((weekday + 6) % 7));
}

/** Every bucket of the period, in order, so empty days still show as zero. */
export function bucketsOf(period: Pick<Period, "from" | "to">, interval: Interval): string[] {
  const keys: string[] = [];
  for (let date = period.from; date <= period.to; date = shiftDate(date, 1)) {
    const key = bucketOf(date, interval);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

/** The last local date of a bucket, within the period. */
export function bucketEnd(key: string, interval: Interval, periodTo: string): string {
  let end = key;
  if (interval === "week") end = shiftDate(key, 6);
  if (interval === "month") {
    const [y, m] = key.split("-").map(Number);
    end = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
  }
  return end < periodTo ? end : periodTo;
}
