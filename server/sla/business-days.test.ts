import { describe, expect, it } from "vitest";
import { addBusinessDays } from "./business-days.ts";

describe("business days", () => {
  it("skips weekends", () => {
    // Thursday 14:00 + 3 business days = Tuesday 14:00.
    expect(addBusinessDays(new Date("2026-11-19T14:00:00.000Z"), 3).toISOString()).toBe("2026-11-24T14:00:00.000Z");
    // Saturday + 1 = Monday.
    expect(addBusinessDays(new Date("2026-11-21T09:00:00.000Z"), 1).toISOString()).toBe("2026-11-23T09:00:00.000Z");
    // Monday + 3 = Thursday.
    expect(addBusinessDays(new Date("2026-11-23T09:00:00.000Z"), 3).toISOString()).toBe("2026-11-26T09:00:00.000Z");
  });
});
