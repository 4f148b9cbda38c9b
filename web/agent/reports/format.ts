/**
 * Report values in the viewer's language, all through Intl so no word or separator is English by accident:
 * counts, percentages, durations ("3 hr 20 min", "3 Std., 20 Min."), the API's plain dates, weekdays and hours.
 */
import type { ReportColumn } from "../../../common/reports.ts";

/** A count or any plain number, at most one decimal. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A share the API gives in percent (12.5 for 12.5 %), in the locale's own percent form. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

const unit = (value: number, name: "minute" | "hour" | "day", locale: string) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);

/** Minutes as people read them, in two units at most: "45 min", "3 hr 20 min", "2 days 4 hr". */
export function formatMinutes(minutes: number, locale: string): string {
  const m = Math.round(minutes);
  const sign = m < 0 ? -1 : 1;
  const abs = Math.abs(m);
  if (abs < 60) return unit(m, "minute", locale);
  const hours = Math.floor(abs / 60);
  // The sign goes on the first unit only: "-3 hr 20 min".
  const parts =
    hours < 48
      ? [unit(sign * hours, "hour", locale), ...(abs % 60 ? [unit(abs % 60, "minute", locale)] : [])]
      : [unit(sign * Math.floor(hours / 24), "day", locale), ...(hours % 24 ? [unit(hours % 24, "hour", locale)] : [])];
  return new Intl.ListFormat(locale, { type: "unit", style: "narrow" }).format(parts);
}

/**
 * A date the API gives as the viewer's local date ("2026-11-30") or local time ("2026-11-30 14:05"), already
 * in their zone: formatted as it stands (read as UTC, shown in UTC), never shifted again.
 */
export function formatReportDate(value: string, locale: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(value);
  if (!match) return value;
  const at = new Date(`${match[1]}T${match[2] ?? "00:00"}:00Z`);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    ...(match[2] ? { timeStyle: "short" } : {}),
    timeZone: "UTC",
  }).format(at);
}

/** The name of a weekday, 1 for Monday to 7 for Sunday (ISO, as the API counts them). */
export function weekdayName(isoDay: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, isoDay)),
  );
}

/** The start of an hour of the day (0–23) as the locale writes it on a clock: "3:00 PM", "15:00". */
export function hourName(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, 1, hour)),
  );
}

/** A cell or figure by its column kind; text (already in the viewer's language) as it is, nothing as a dash. */
export function formatValue(
  value: string | number | null | undefined,
  kind: ReportColumn["kind"],
  locale: string,
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return kind === "date" ? formatReportDate(value, locale) : value;
  if (kind === "percent") return formatPercent(value, locale);
  if (kind === "minutes") return formatMinutes(value, locale);
  return formatCount(value, locale);
}
