/**
 * Every report read once, unfiltered, as an admin sees it, over the periods the web app opens with: the last 30
 * days by day (its default) and the last 12 months by month, in UTC. A fresh process reads a period's cube rows
 * from the database the first time a report asks for them, then keeps them (cube/read.ts), and prepares its
 * statements as it goes: at a million tickets the first request of each report took up to half a second, the
 * next ones under a fifth. The server warms them when it starts, so the first person to open Reports does not
 * pay for it. Not after the cube job builds periods again: the first report after a build reads only what was
 * built (at most 173 ms at a million tickets), and warming after every build would run twelve reports every few
 * minutes on a busy desk whether or not anyone reads them.
 */
import type { Kysely } from "kysely";
import { type ReportQuery, reportKinds, reportQuerySchema } from "../../common/reports.ts";
import type { Database } from "../db/schema.ts";
import { reportBuilders } from "./builders.ts";
import { periodOf, shiftDate } from "./period.ts";

/** The queries warmed: the presets "Last 30 days" and "Last 12 months" as the web app sends them in UTC. */
export function warmQueries(at: Date): ReportQuery[] {
  const today = at.toISOString().slice(0, 10);
  return [
    reportQuerySchema.parse({ from: shiftDate(today, -29), to: today, interval: "day" }),
    reportQuerySchema.parse({ from: shiftDate(today, -364), to: today, interval: "month" }),
  ];
}

/** Runs the reports of warmQueries one after another (each is a request's worth of work, not more at once). */
export async function warmReports(db: Kysely<Database>, at: Date): Promise<void> {
  for (const query of warmQueries(at)) {
    const period = periodOf(query);
    for (const kind of reportKinds) {
      await reportBuilders[kind]({ db, scope: { groups: null }, query, period, now: at.toISOString() });
    }
  }
}
