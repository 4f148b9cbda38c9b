/**
 * Timestamps and sizes in the reader's language and time zone. The LocaleProvider sets the language and the
 * profile's zone (the browser's when none) before anything renders, so code outside React formats alike.
 */
let language: string | undefined;
let zone: string | undefined;
let dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
let thisYear = thisYearFormat();
let otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "short" });
let relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
let numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function thisYearFormat() {
  return new Intl.DateTimeFormat(language, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: zone,
  });
}

export function setFormatLanguage(locale: string, timeZone: string | undefined): void {
  if (locale === language && timeZone === zone) return;
  language = locale;
  zone = timeZone;
  dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  thisYear = thisYearFormat();
  otherYear = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone });
  relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
}

/** A timestamp from the API in the reader's own language and time zone. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${numbers.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${numbers.format(Math.round(bytes / 1024))} KB`;
  return `${numbers.format(bytes / (1024 * 1024))} MB`;
}

/** A timestamp short enough for a table cell: the year only when it is not this year's. */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  return (date.getFullYear() === new Date().getFullYear() ? thisYear : otherYear).format(date);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago", "in 2 days": for lists, where the exact time sits in the element's title. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), "minute");
}
