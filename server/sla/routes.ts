import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import { calendarsCollection, slaPoliciesCollection } from "../../common/admin-collections.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  jobOverviewSchema,
  rerunFailedJobsResultSchema,
  rerunFailedJobsSchema,
  slaStatusInputSchema,
  slaStatusListSchema,
} from "../../common/service-levels.ts";
import { advanceSystemClock } from "../clock.ts";
import { requirePermission } from "../core/permissions.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { jobOverview, rerunFailedJobs, rerunJob } from "../jobs/admin.ts";
import {
  createCalendar,
  createSlaPolicy,
  deleteCalendar,
  deleteSlaPolicy,
  setStatusPausesClock,
  updateCalendar,
  updateSlaPolicy,
} from "./commands/manage-service-levels.ts";
import { listCalendars, listSlaPolicies, listSlaStatuses } from "./queries.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ["admin"];

/** Admin routes for calendars, SLA policies, the statuses that pause the clock, the job system and automation. */
export function registerServiceLevelRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;
  registerAdminCollection(app, calendarsCollection, {
    load: async () => ({ calendars: await listCalendars(db) }),
    create: (input) => createCalendar(db, input),
    update: (id, input) => updateCalendar(db, id, input),
    remove: (id) => deleteCalendar(db, id),
  });

  registerAdminCollection(app, slaPoliciesCollection, {
    load: async () => ({ policies: await listSlaPolicies(db) }),
    create: (input) => createSlaPolicy(db, input),
    update: (id, input) => updateSlaPolicy(db, id, input),
    remove: (id) => deleteSlaPolicy(db, id),
  });

  app.get(
    "/api/v1/admin/sla-statuses",
    {
      schema: {
        tags,
        summary: "Statuses and whether they pause the SLA clock",
        response: { 200: slaStatusListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { statuses: await listSlaStatuses(db) };
    },
  );
  app.put(
    "/api/v1/admin/sla-statuses/:id",
    {
      schema: {
        tags,
        summary: "Turn a status's clock pause on or off",
        params: idParamsSchema,
        body: slaStatusInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await setStatusPausesClock(db, request.params.id, request.body.pausesClock);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/jobs",
    {
      schema: {
        tags,
        summary: "Background jobs: backlog, failures and recent runs",
        response: { 200: jobOverviewSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return jobOverview(db);
    },
  );
  app.post(
    "/api/v1/admin/jobs/rerun-failed",
    {
      schema: {
        tags,
        summary: "Run every failed job of one kind again",
        body: rerunFailedJobsSchema,
        response: { 200: rerunFailedJobsResultSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { count: await rerunFailedJobs(db, request.body.kind) };
    },
  );
  app.post(
    "/api/v1/admin/jobs/:id/rerun",
    {
      schema: {
        tags,
        summary: "Run a failed job again",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await rerunJob(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Browser tests only: never registered unless TEST_CLOCK is on outside production, and hidden from the API docs.
  // A journey moves the clock forward and back again, so the journeys after it see the real time.
  if (config.testClock) {
    app.post(
      "/api/v1/test/clock",
      {
        schema: {
          hide: true,
          body: z.object({
            minutes: z
              .number()
              .int()
              .min(-60 * 24 * 30)
              .max(60 * 24 * 30),
          }),
        },
      },
      async (request, reply) => {
        requirePermission(request.actor, "admin.settings");
        advanceSystemClock(request.body.minutes * 60_000);
        return reply.status(204).send(null);
      },
    );
  }
}
