import {
  automationRuleInputSchema,
  automationRuleListSchema,
  automationRunListSchema,
} from "../../common/automation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createRule, deleteRule, updateRule } from "./commands/manage-rules.ts";
import { listRules, listRuns } from "./queries.ts";

/** Admin routes for triggers and time rules, and the log of what they did. */
export function registerAutomationRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, {
    path: "/api/v1/admin/automation-rules",
    permission: "admin.settings",
    summaries: {
      list: "Triggers and time rules",
      create: "Add a trigger or time rule",
      update: "Change a trigger or time rule",
      remove: "Delete a trigger or time rule",
    },
    list: { schema: automationRuleListSchema, load: async () => ({ rules: await listRules(db) }) },
    input: automationRuleInputSchema,
    create: (input) => createRule(db, input),
    update: (id, input) => updateRule(db, id, input),
    remove: (id) => deleteRule(db, id),
  });
  app.get(
    "/api/v1/admin/automation-runs",
    {
      schema: {
        tags: ["admin"],
        summary: "What triggers and time rules did, newest first",
        response: { 200: automationRunListSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { runs: await listRuns(db) };
    },
  );
}
