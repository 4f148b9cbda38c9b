/**
 * Date range presets, worked out in the viewer's time zone as the inclusive local dates the API takes.
 * Their names are words (report-words.ts).
 */
export const periodPresets = ["7d", "30d", "90d", "12m", "month", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Today's date in a time zone, as YYYY-MM-DD. */
export function localToday(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function presetRange(preset: Exclude<PeriodPreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "7d":
      return { from: shift(today, -6), to: today };
    case "30d":
      return { from: shift(today, -29), to: today };
    case "90d":
      return { from: shift(today, -89), to: today };
    case "12m":
      return { from: shift(today, -364), to: today };
    case "month":
      return { from: `${today.slice(0, 7)}-01`, to: today };
  }
}

/** The interval that keeps a chart readable: days up to a quarter, weeks up to half a year, then months. */
export function naturalInterval(from: string, to: string): "day" | "week" | "month" {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 92) return "day";
  if (days <= 186) return "week";
  return "month";
}
