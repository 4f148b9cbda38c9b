import { automationRulesCollection } from "../../common/admin-collections.ts";
import { automationRunListSchema } from "../../common/automation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createRule, deleteRule, updateRule } from "./commands/manage-rules.ts";
import { listRules, listRuns } from "./queries.ts";

/** Admin routes for triggers and time rules, and the log of what they did. */
export function registerAutomationRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, automationRulesCollection, {
    load: async () => ({ rules: await listRules(db) }),
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
