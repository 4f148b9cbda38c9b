import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { planOf } from "../test/plans.ts";
import { sliceHoursQuery } from "./queries.ts";

/**
 * The overview's and volume's hourly counts are read from report_hours' key in key order. On PostgreSQL the key's
 * index carries the counts (migration 0086), so the read never visits the table's pages, where a slice's year
 * lies spread among every other slice's rows. The statement is the report's own, compiled here.
 */
describeEachEngine("a slice's hourly counts", ({ db, engine }) => {
  it("are read from the key of report_hours, on PostgreSQL from the index alone", async () => {
    for (const [slice, filters, perHour] of [
      ["", {}, true],
      ["", { groupId: "g1" }, false],
      ["priority:high", { priority: "high" as const }, true],
    ] as const) {
      const compiled = sliceHoursQuery(
        db(),
        { groups: null },
        filters,
        slice,
        "2026-01-01T00:00:00.000Z",
        "2027-01-01T00:00:00.000Z",
        perHour,
      ).compile();
      const plan = await planOf(db(), engine, compiled);
      if (engine === "postgres") expect(plan, slice).toContain("Index Only Scan using report_hours_slice_key");
      else expect(plan, slice).toMatch(/SEARCH report_hours USING (COVERING )?INDEX sqlite_autoindex_report_hours/);
    }
  });
});
