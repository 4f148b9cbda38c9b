import { expect, it } from "vitest";
import { reportQuerySchema } from "../../common/reports.ts";
import { describeEachEngine } from "../test/engines.ts";
import { planOf } from "../test/plans.ts";
import { periodOf } from "./period.ts";
import { commentsQuery } from "./satisfaction.ts";

/**
 * The satisfaction report's latest comments are read from the index of commented answers (migration 0085), not by
 * walking every rating of the period newest first and skipping the ones without a comment. The statement is the
 * report's own, compiled here, so a change to it that loses the index fails this test.
 */
describeEachEngine("the satisfaction report's latest comments", ({ db, engine }) => {
  it("come from the index of commented answers, with or without a filter", async () => {
    for (const filters of [{}, { priority: "high" }, { channel: "email" }]) {
      const query = reportQuerySchema.parse({ from: "2026-01-01", to: "2026-12-31", ...filters });
      const compiled = commentsQuery({ db: db(), scope: { groups: null }, query, period: periodOf(query) }).compile();
      const plan = await planOf(db(), engine, compiled);
      expect(plan, JSON.stringify(filters)).toContain("ticket_metrics_commented");
    }
  });
});
