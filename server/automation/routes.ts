import { automationRulesCollection } from "../../common/admin-collections.ts";
import type { AutomationActions } from "../../common/automation.ts";
import { automationRunListSchema } from "../../common/automation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import type { UserActor } from "../core/actor.ts";
import { requireEveryTicket, requirePermission } from "../core/permissions.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createRule, deleteRule, updateRule } from "./commands/manage-rules.ts";
import { listRules, listRuns, ruleNotifyEmail } from "./queries.ts";

/**
 * A rule's "mail this address" sends each matching ticket's subject (and a bad rating's comment) to it: like a
 * webhook, choosing a new address is for someone who may see every ticket (docs/security.md).
 */
function requireForNewAddress(actor: UserActor, actions: AutomationActions, stored: string): void {
  if (actions.notifyEmail && actions.notifyEmail !== stored) requireEveryTicket(actor);
}

/** Admin routes for triggers and time rules, and the log of what they did. */
export function registerAutomationRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, automationRulesCollection, {
    load: async () => ({ rules: await listRules(db) }),
    create: (input, actor) => {
      requireForNewAddress(actor, input.actions, "");
      return createRule(db, input);
    },
    update: async (id, input, actor) => {
      requireForNewAddress(actor, input.actions, await ruleNotifyEmail(db, id));
      await updateRule(db, id, input);
    },
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
