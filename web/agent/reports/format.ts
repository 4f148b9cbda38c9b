import type { ReportColumn } from "../../../common/reports.ts";

/** Minutes as people read them: "45 min", "3 h 20 min", "2 d 4 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (Math.abs(m) < 60) return `${m} min`;
  const hours = Math.floor(Math.abs(m) / 60);
  const sign = m < 0 ? "−" : "";
  if (hours < 48) return `${sign}${hours} h${Math.abs(m) % 60 ? ` ${Math.abs(m) % 60} min` : ""}`;
  return `${sign}${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

export function formatValue(value: string | number | null | undefined, kind: ReportColumn["kind"]): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return kind === "rating" ? (value === "good" ? "Good" : "Bad") : value;
  if (kind === "percent") return `${value.toLocaleString("en", { maximumFractionDigits: 1 })}%`;
  if (kind === "minutes") return formatMinutes(value);
  return value.toLocaleString("en");
}
