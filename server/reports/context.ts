import type { Kysely } from "kysely";
import type { ReportQuery } from "../../common/reports.ts";
import type { Database } from "../db/schema.ts";
import type { Period } from "./period.ts";
import type { ReportScope } from "./policy.ts";

/** What each report is worked out from: the viewer's scope, the query, its period and the time now. */
export type ReportInput = {
  db: Kysely<Database>;
  scope: ReportScope;
  query: ReportQuery;
  period: Period;
  now: string;
};
