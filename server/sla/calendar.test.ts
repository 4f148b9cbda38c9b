import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  fallbackCalendar,
  isValidTimeZone,
  localParts,
  localToInstant,
} from "./calendar.ts";

const at = (iso: string) => new Date(iso);
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

describe("business days", () => {
  it("skips weekends, keeping the time of day", () => {
    // Thursday 14:00 + 3 business days = Tuesday 14:00.
    expect(addBusinessDays(fallbackCalendar, at("2026-11-19T14:00:00.000Z"), 3).toISOString()).toBe(
      "2026-11-24T14:00:00.000Z",
    );
    // Saturday + 1 = Monday; Monday + 3 = Thursday.
    expect(addBusinessDays(fallbackCalendar, at("2026-11-21T09:00:00.000Z"), 1).toISOString()).toBe(
      "2026-11-23T09:00:00.000Z",
    );
    expect(addBusinessDays(fallbackCalendar, at("2026-11-23T09:00:00.000Z"), 3).toISOString()).toBe(
      "2026-11-26T09:00:00.000Z",
    );
  });

  it("skips holidays, in the calendar's own time zone", () => {
    const berlin: BusinessCalendar = {
      timeZone: "Europe/Berlin",
      hours: weekdays("08:00", "16:00"),
      holidays: ["2026-12-24", "2026-12-25"],
    };
    // Tuesday 22 Dec, 17:30 in Berlin (16:30 UTC): Wed 23, (24, 25 holidays, weekend), Mon 28, Tue 29.
    expect(addBusinessDays(berlin, at("2026-12-22T16:30:00.000Z"), 3).toISOString()).toBe("2026-12-29T16:30:00.000Z");
    // 23:30 UTC on Friday is already Saturday 00:30 in Berlin: two business days on is Tuesday 00:30
    // there (Monday 23:30 UTC), where a UTC calendar would count from Friday and say Tuesday 23:30 UTC.
    expect(addBusinessDays(berlin, at("2026-11-20T23:30:00.000Z"), 2).toISOString()).toBe("2026-11-23T23:30:00.000Z");
    expect(addBusinessDays(fallbackCalendar, at("2026-11-20T23:30:00.000Z"), 2).toISOString()).toBe(
      "2026-11-24T23:30:00.000Z",
    );
  });

  it("keeps the local time across a daylight-saving change", () => {
    const newYork: BusinessCalendar = { timeZone: "America/New_York", hours: weekdays("09:00", "17:00"), holidays: [] };
    // Friday 30 Oct 2026, 10:00 EDT (14:00 UTC) + 3 business days = Wednesday 4 Nov, 10:00 EST (15:00 UTC).
    expect(addBusinessDays(newYork, at("2026-10-30T14:00:00.000Z"), 3).toISOString()).toBe("2026-11-04T15:00:00.000Z");
  });

  it("starts working hours at their local time on the night the clocks go forward, east of Greenwich too", () => {
    const night = (timeZone: string): BusinessCalendar => ({
      timeZone,
      hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: "01:00", end: "04:00" })),
      holidays: [],
    });
    // Berlin, Sunday 29 March 2026: 01:00 CET is 00:00 UTC; 04:00 CEST is 02:00 UTC; two real hours of work.
    // Before, 01:00 was read as 23:00 UTC (midnight in Berlin): an hour too early, three hours of work.
    const berlin = night("Europe/Berlin");
    expect(businessMinutesBetween(berlin, at("2026-03-28T12:00:00.000Z"), at("2026-03-29T12:00:00.000Z"))).toBe(120);
    expect(addBusinessMinutes(berlin, at("2026-03-28T12:00:00.000Z"), 30).toISOString()).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    // New York, Sunday 8 March 2026: 01:00 EST is 06:00 UTC; 04:00 EDT is 08:00 UTC.
    const newYork = night("America/New_York");
    expect(businessMinutesBetween(newYork, at("2026-03-07T12:00:00.000Z"), at("2026-03-08T12:00:00.000Z"))).toBe(120);
    expect(addBusinessMinutes(newYork, at("2026-03-07T12:00:00.000Z"), 30).toISOString()).toBe(
      "2026-03-08T06:30:00.000Z",
    );
    // In the autumn the repeated hour counts twice: 01:00 CEST (23:00 UTC) to 04:00 CET (03:00 UTC).
    expect(businessMinutesBetween(berlin, at("2026-10-24T12:00:00.000Z"), at("2026-10-25T12:00:00.000Z"))).toBe(240);
    // 02:30 does not exist that night: it is read as 03:30, after the gap (01:30 UTC in Berlin, 07:30 in New York).
    const sunday = { year: 2026, month: 3, day: 29 };
    expect(new Date(localToInstant(sunday, 150, "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(localToInstant({ ...sunday, day: 8 }, 150, "America/New_York")).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });
});

describe("business time", () => {
  const cal: BusinessCalendar = { timeZone: "UTC", hours: weekdays("09:00", "17:00"), holidays: ["2026-11-26"] };

  it("counts only working hours, across the night and the weekend", () => {
    // Friday 16:00 + 4 working hours = Monday 12:00.
    expect(addBusinessMinutes(cal, at("2026-11-20T16:00:00.000Z"), 240).toISOString()).toBe("2026-11-23T12:00:00.000Z");
    // Sunday night: the clock starts on Monday at 09:00.
    expect(addBusinessMinutes(cal, at("2026-11-22T23:00:00.000Z"), 60).toISOString()).toBe("2026-11-23T10:00:00.000Z");
    // Wednesday 15:00 + 24 working hours skips Thursday's holiday: Wed 2 h, Fri 8 h, Mon 8 h, Tue 6 h.
    expect(addBusinessMinutes(cal, at("2026-11-25T15:00:00.000Z"), 24 * 60).toISOString()).toBe(
      "2026-12-01T15:00:00.000Z",
    );
  });

  it("handles split days and local time zones", () => {
    const tokyo: BusinessCalendar = {
      timeZone: "Asia/Tokyo",
      hours: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 1, start: "13:00", end: "18:00" },
      ],
      holidays: [],
    };
    // Monday 11:00 Tokyo (02:00 UTC) + 2 h: one hour before lunch, one after = 14:00 Tokyo (05:00 UTC).
    expect(addBusinessMinutes(tokyo, at("2026-11-23T02:00:00.000Z"), 120).toISOString()).toBe(
      "2026-11-23T05:00:00.000Z",
    );
  });

  it("measures working time between two instants", () => {
    expect(businessMinutesBetween(cal, at("2026-11-20T16:00:00.000Z"), at("2026-11-23T12:00:00.000Z"))).toBe(240);
    expect(businessMinutesBetween(cal, at("2026-11-21T10:00:00.000Z"), at("2026-11-22T10:00:00.000Z"))).toBe(0);
    expect(businessMinutesBetween(cal, at("2026-11-23T12:00:00.000Z"), at("2026-11-20T16:00:00.000Z"))).toBe(0);
  });

  it("counts around the clock in a calendar without working time, instead of looping forever or failing", () => {
    const never: BusinessCalendar = { timeZone: "UTC", hours: [], holidays: [] };
    expect(addBusinessMinutes(never, at("2026-11-20T16:00:00.000Z"), 60)).toEqual(at("2026-11-20T17:00:00.000Z"));
    expect(addBusinessDays(never, at("2026-11-20T16:00:00.000Z"), 1)).toEqual(at("2026-11-21T16:00:00.000Z"));
  });

  it("knows real time zones from made-up ones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("wall-clock time in a zone", () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string) => {
    const known = formats.get(timeZone);
    if (known) return known;
    const made = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, made);
    return made;
  };
  const intl = (instant: number, timeZone: string) => {
    const parts = Object.fromEntries(
      format(timeZone)
        .formatToParts(new Date(instant))
        .map((p) => [p.type, Number(p.value)]),
    );
    return {
      year: parts.year ?? Number.NaN,
      month: parts.month ?? Number.NaN,
      day: parts.day ?? Number.NaN,
      hour: parts.hour ?? Number.NaN,
      minute: parts.minute ?? Number.NaN,
      second: parts.second ?? Number.NaN,
    };
  };

  it("agrees with Intl through every daylight-saving change of a year, in zones with odd offsets too", () => {
    // Offsets are kept per quarter hour: a change inside a quarter, half- and quarter-hour zones, and a zone whose
    // change is half an hour (Lord Howe) must all come out as Intl says, second by second around each change.
    const zones = [
      "Europe/Berlin",
      "America/New_York",
      "America/St_Johns",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "Asia/Kathmandu",
      "UTC",
    ];
    const from = Date.parse("2026-01-01T00:00:00.000Z");
    const to = Date.parse("2027-01-01T00:00:00.000Z");
    const offset = (t: number, zone: string) => {
      const p = intl(t, zone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
    };
    let changes = 0;
    const wrong: string[] = [];
    const check = (t: number, zone: string) => {
      const ours = localParts(t, zone);
      const theirs = intl(t, zone);
      if (JSON.stringify(ours) !== JSON.stringify(theirs))
        wrong.push(`${zone} at ${new Date(t).toISOString()}: ${JSON.stringify(ours)}`);
    };
    const DAY = 86_400_000;
    for (const zone of zones) {
      // Through the year, at a step that drifts across the quarter hours.
      for (let t = from; t < to; t += 17_333_000) check(t, zone);
      // Each change: found day by day, then to the second (the first second of the new offset), then checked
      // second by second on either side of it and every 7 s (drifting across the minute) for an hour around it.
      // Every second of every changing hour was 10 s of CPU: over the suite's budget on a loaded machine.
      for (let day = from; day < to; day += DAY) {
        if (offset(day, zone) === offset(day + DAY, zone)) continue;
        let before = day;
        let after = day + DAY;
        while (after - before > 1000) {
          const mid = before + Math.floor((after - before) / 2000) * 1000;
          if (offset(mid, zone) === offset(day, zone)) before = mid;
          else after = mid;
        }
        changes += 1;
        for (let t = after - 5000; t <= after + 5000; t += 1000) check(t, zone);
        for (let t = after - 1_800_000; t < after + 1_800_000; t += 7000) check(t, zone);
      }
    }
    // Berlin, New York, St John's, Lord Howe and Chatham change twice a year; Kathmandu and UTC never.
    expect(changes).toBe(10);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
