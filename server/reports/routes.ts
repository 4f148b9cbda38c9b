/**
 * GET /api/v1/reports/{overview,volume,efficiency,sla,agents,satisfaction}:
 * one route per report, the same query for each (period, time zone, filters),
 * answered with figures and tables (common/reports.ts), so a BI tool pulls
 * what the web app draws. `reports.view` opens them; the scope narrows them.
 */
import { errorResponseSchema } from "../../common/errors.ts";
import {
  type ReportKind,
  reportKinds,
  reportLabels,
  reportOptionsSchema,
  reportQuerySchema,
  reportSchema,
} from "../../common/reports.ts";
import { requirePermission } from "../core/permissions.ts";
import { now } from "../db/engine.ts";
import type { App, Deps } from "../http/types.ts";
import { reportBuilders } from "./builders.ts";
import { periodOf } from "./period.ts";
import { reportScopeFor } from "./policy.ts";
import { reportOptions } from "./queries.ts";

const operationIds: Record<ReportKind, string> = {
  overview: "getOverviewReport",
  volume: "getVolumeReport",
  efficiency: "getEfficiencyReport",
  sla: "getSlaReport",
  agents: "getAgentsReport",
  satisfaction: "getSatisfactionReport",
};

export function registerReportRoutes(app: App, { db }: Deps): void {
  app.get(
    "/api/v1/reports/options",
    {
      schema: {
        tags: ["reports"],
        operationId: "getReportOptions",
        summary: "Services and organizations the reports can be filtered by",
        response: { 200: reportOptionsSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      requirePermission(request.actor, "reports.view");
      return reportOptions(db);
    },
  );

  for (const kind of reportKinds) {
    app.get(
      `/api/v1/reports/${kind}`,
      {
        schema: {
          tags: ["reports"],
          operationId: operationIds[kind],
          summary: `${reportLabels[kind]} report`,
          querystring: reportQuerySchema,
          response: { 200: reportSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
        },
      },
      async (request) => {
        const scope = await reportScopeFor(db, request.actor);
        const query = request.query;
        const period = periodOf(query);
        const report = await reportBuilders[kind]({ db, scope, query, period, now: now() });
        return {
          kind,
          range: {
            from: period.from,
            to: period.to,
            previousFrom: period.previous.from,
            previousTo: period.previous.to,
            timeZone: period.timeZone,
          },
          ...report,
        };
      },
    );
  }
}
