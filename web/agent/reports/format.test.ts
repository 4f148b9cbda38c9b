import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatMinutes,
  formatPercent,
  formatReportDate,
  formatValue,
  hourName,
  weekdayName,
} from "./format.ts";

// Intl's spaces differ by language (narrow no-break spaces in French numbers): compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("report values in the viewer's language", () => {
  it("says durations in at most two units, in each language's own abbreviations", () => {
    expect(formatMinutes(45, "en")).toBe("45 min");
    expect(formatMinutes(200, "en")).toBe("3 hr 20 min");
    expect(formatMinutes(180, "en")).toBe("3 hr");
    expect(formatMinutes(52 * 60, "en")).toBe("2 days 4 hr");
    expect(plain(formatMinutes(200, "de"))).toBe("3 Std., 20 Min.");
    expect(plain(formatMinutes(200, "fr"))).toBe("3 h 20 min");
    expect(plain(formatMinutes(52 * 60, "fr"))).toBe("2 j 4 h");
  });

  it("puts a negative duration's sign on its first unit only", () => {
    expect(formatMinutes(-200, "en")).toBe("-3 hr 20 min");
    expect(formatMinutes(-30, "en")).toBe("-30 min");
  });

  it("writes counts and percentages with the language's separators", () => {
    expect(formatCount(1234.56, "en")).toBe("1,234.6");
    expect(formatCount(1234.56, "de")).toBe("1.234,6");
    expect(formatPercent(12.5, "en")).toBe("12.5%");
    expect(plain(formatPercent(12.5, "fr"))).toBe("12,5 %");
    expect(formatPercent(100, "en")).toBe("100%");
  });

  it("shows the API's local dates and times as they stand, without shifting them to another zone", () => {
    expect(formatReportDate("2026-11-30", "en")).toBe("Nov 30, 2026");
    expect(formatReportDate("2026-11-30", "de")).toBe("30.11.2026");
    expect(formatReportDate("2026-11-30 14:05", "de")).toBe("30.11.2026, 14:05");
    expect(formatReportDate("not a date", "en")).toBe("not a date");
  });

  it("names weekdays Monday first and hours on the locale's clock", () => {
    expect(weekdayName(1, "en")).toBe("Monday");
    expect(weekdayName(7, "en")).toBe("Sunday");
    expect(weekdayName(1, "fr")).toBe("lundi");
    expect(weekdayName(3, "de")).toBe("Mittwoch");
    expect(plain(hourName(15, "en"))).toBe("3:00 PM");
    expect(hourName(15, "de")).toBe("15:00");
    expect(hourName(0, "fr")).toBe("0:00");
  });

  it("formats a value by its column kind, and nothing as a dash", () => {
    expect(formatValue(null, "count", "en")).toBe("—");
    expect(formatValue("", "text", "en")).toBe("—");
    expect(formatValue("Support", "text", "de")).toBe("Support");
    expect(formatValue(3, "count", "en")).toBe("3");
    expect(formatValue(40, "percent", "en")).toBe("40%");
    expect(formatValue(90, "minutes", "en")).toBe("1 hr 30 min");
    expect(formatValue("2026-01-05", "date", "fr")).toBe("5 janv. 2026");
  });
});
