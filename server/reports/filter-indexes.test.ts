import { expect, it } from "vitest";
import type { ReportFilters } from "../../common/reports.ts";
import { finishedCategories, statusCategories } from "../../common/tickets.ts";
import { describeEachEngine } from "../test/engines.ts";
import { planOf } from "../test/plans.ts";
import { lateTargets } from "./cube/late.ts";
import type { ReportScope } from "./policy.ts";
import { unsolvedCategories, unsolvedNowQuery } from "./queries.ts";

/**
 * "Unsolved now" and the targets late though undecided are counted from ticket_metrics, for every group, one
 * group, a group agent's groups or one other filter: from the open-work index alone (migration 0092), not an
 * index entry and then its table row for each ticket, and not through the group's creation-time index (which
 * reads every row of the group's period).
 */
describeEachEngine("report counts of open work", ({ db, engine }) => {
  const cases: [string, ReportScope, ReportFilters][] = [
    ["every group", { groups: null }, {}],
    ["one group", { groups: null }, { groupId: "group" }],
    ["a group agent's groups", { groups: ["group", "other"] }, {}],
    ["one agent", { groups: null }, { assigneeId: "agent" }],
    ["one channel", { groups: null }, { channel: "email" }],
    ["one priority", { groups: null }, { priority: "high" }],
  ];

  it("reads the open-work index alone", async () => {
    const expected =
      engine === "sqlite"
        ? "COVERING INDEX ticket_metrics_open_work"
        : "Index Only Scan using ticket_metrics_open_work";
    for (const [name, scope, filters] of cases) {
      const late = lateTargets(db(), scope, filters, "2026-01-01", "2027-01-01", "2026-06-01");
      for (const [count, query] of [
        ["unsolved now", unsolvedNowQuery(db(), scope, filters)],
        ["first replies late", late.fr.select((eb) => eb.fn.countAll<number>().as("n"))],
        ["resolutions late", late.res.select((eb) => eb.fn.countAll<number>().as("n"))],
      ] as const) {
        expect(await planOf(db(), engine, query.compile()), `${count}, ${name}`).toContain(expected);
      }
    }
  });
});

it("names as unsolved every status category that is not finished", () => {
  expect([...unsolvedCategories].sort()).toEqual(
    statusCategories.filter((c) => !finishedCategories.includes(c)).sort(),
  );
});
