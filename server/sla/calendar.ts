/**
 * Business time in a calendar: weekly working hours in an IANA time zone,
 * minus holidays. Pure functions over instants; the time zone rules come from
 * the platform's `Intl`, so daylight-saving changes are handled by the same
 * tables the rest of the system uses.
 */
import type { WorkingHours } from "../../common/service-levels.ts";

export type BusinessCalendar = {
  timeZone: string;
  /** Working intervals per weekday (0 = Sunday), "HH:MM" local time, end after start. */
  hours: WorkingHours[];
  /** Local dates ("YYYY-MM-DD") with no working time. */
  holidays: string[];
};

/** Monday to Friday, 09:00–17:00 UTC: what a help desk has before anyone sets up a calendar. */
export const fallbackCalendar: BusinessCalendar = {
  timeZone: "UTC",
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })),
  holidays: [],
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/**
 * How far ahead working time is looked for: a calendar without working hours would otherwise loop forever.
 * A calendar with no working time that far (no hours at all, every working day a holiday, or an hour a week
 * against a year's target) counts around the clock instead: a ticket still gets its due time and still closes.
 * Failing there would have refused every new request (500) until an admin mended the calendar.
 */
const SEARCH_DAYS = 3 * 366;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

type LocalDate = { year: number; month: number; day: number };

/** The wall-clock fields of an instant in a time zone, as `Intl` formats them (a few microseconds a call). */
function intlParts(instant: number, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function intlOffset(instant: number, timeZone: string): number {
  const p = intlParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Zone offsets by quarter hour: working out business minutes asks for the offset at the start and end of every
 * working interval of every day in a span, mostly the same recent days again, and `Intl` was most of what that
 * cost (a third of the metrics backfill's time). A quarter hour whose two ends have the same offset has it
 * throughout (no zone changes twice within fifteen minutes); one with a transition inside is not kept, and each
 * instant in it is worked out exactly.
 */
const QUARTER = 15 * 60_000;
const offsetsByQuarter = new Map<string, Map<number, number>>();
const MAX_QUARTERS = 50_000;

/** How far the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER);
  let zone = offsetsByQuarter.get(timeZone);
  const known = zone?.get(quarter);
  if (known !== undefined) return known;
  const start = intlOffset(quarter * QUARTER, timeZone);
  const end = intlOffset((quarter + 1) * QUARTER - 1000, timeZone);
  if (start !== end) return intlOffset(instant, timeZone);
  if (!zone || zone.size >= MAX_QUARTERS) {
    zone = new Map();
    offsetsByQuarter.set(timeZone, zone);
  }
  zone.set(quarter, start);
  return start;
}

/** The wall-clock fields of an instant in a time zone (exported for its test against `Intl`). */
export function localParts(
  instant: number,
  timeZone: string,
): LocalDate & { hour: number; minute: number; second: number } {
  const local = new Date(Math.floor(instant / 1000) * 1000 + offsetAt(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant a local wall-clock time happens. Of the two guesses (the offset at the wall time read as UTC,
 * and the offset at that first guess) only one that really shows this wall time counts: east of Greenwich
 * the first guess can fall before the change and the other after it, and taking the earlier of them blindly
 * read 01:00 in Berlin on the night the clocks go forward as midnight. In an autumn overlap both show it and
 * the first of the two is taken. In a spring-forward gap the time does not exist, and it is read with the
 * offset from before the gap (02:30 becomes 03:30), as Temporal's "compatible" does.
 */
export function localToInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const shows = [first, second].filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  return shows.length > 0 ? Math.min(...shows) : Math.max(first, second);
}

function toKey(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function nextDate(d: LocalDate, by = 1): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + by * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function weekday(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The working intervals of one local date, as instants, in order. */
function workingIntervals(cal: BusinessCalendar, date: LocalDate): [number, number][] {
  if (cal.holidays.includes(toKey(date))) return [];
  const day = weekday(date);
  return cal.hours
    .filter((h) => h.day === day)
    .map((h) => [toMinutes(h.start), toMinutes(h.end)] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([start, end]): [number, number] => [
      localToInstant(date, start, cal.timeZone),
      localToInstant(date, end, cal.timeZone),
    ]);
}

export function isBusinessDay(cal: BusinessCalendar, date: LocalDate): boolean {
  return workingIntervals(cal, date).length > 0;
}

/**
 * N business days after an instant, at the same local time of day: the
 * Thursday 14:00 a ticket was solved plus 3 business days is Tuesday 14:00
 * (skipping the weekend and any holiday). Days without working hours do not count.
 */
export function addBusinessDays(cal: BusinessCalendar, from: Date, days: number): Date {
  const start = localParts(from.getTime(), cal.timeZone);
  const minutes = start.hour * 60 + start.minute + start.second / 60 + (from.getTime() % 1000) / MINUTE;
  let date: LocalDate = start;
  let added = 0;
  for (let i = 0; added < days; i += 1) {
    if (i > SEARCH_DAYS) return new Date(from.getTime() + days * DAY);
    date = nextDate(date);
    if (isBusinessDay(cal, date)) added += 1;
  }
  return new Date(localToInstant(date, minutes, cal.timeZone));
}

/** The instant when `minutes` of working time have passed after `from`. */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  let remaining = minutes * MINUTE;
  const cursor = from.getTime();
  // Start a day early: the local date of `from` may begin before it in UTC.
  let date = nextDate(localParts(cursor, cal.timeZone), -1);
  for (let i = 0; i <= SEARCH_DAYS; i += 1, date = nextDate(date)) {
    for (const [start, end] of workingIntervals(cal, date)) {
      const from = Math.max(start, cursor);
      if (end <= from) continue;
      if (end - from >= remaining) return new Date(from + remaining);
      remaining -= end - from;
    }
  }
  return new Date(from.getTime() + minutes * MINUTE);
}

/** Working time between two instants, in minutes (0 when `to` is not after `from`). */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let date = nextDate(localParts(from.getTime(), cal.timeZone), -1);
  const last = toKey(nextDate(localParts(to.getTime(), cal.timeZone), 1));
  for (let i = 0; i <= SEARCH_DAYS + 1; i += 1, date = nextDate(date)) {
    for (const [start, end] of workingIntervals(cal, date)) {
      const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
      if (overlap > 0) total += overlap;
    }
    if (toKey(date) === last) break;
  }
  return total / MINUTE;
}
