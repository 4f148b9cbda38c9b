import type { Kysely } from "kysely";
import { newId } from "../ids.ts";

/**
 * Each build of a report-cube period gets an id of its own, so a report server can keep what it read of clean
 * periods in memory and know when a period was built again (server/reports/cube/read.ts). Periods built before
 * get one now (a few hundred rows a year of history).
 */
export function reportPeriodBuilds() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("report_periods").addColumn("build", "text").execute();
      const periods = db as unknown as Kysely<{
        report_periods: { grain: string; period: string; build: string | null };
      }>;
      const known = await periods.selectFrom("report_periods").select(["grain", "period"]).execute();
      for (const { grain, period } of known) {
        await periods
          .updateTable("report_periods")
          .set({ build: newId() })
          .where("grain", "=", grain)
          .where("period", "=", period)
          .execute();
      }
    },
  };
}
