import { withdrawReasonInputSchema, withdrawReasonListSchema } from "../../common/conversation.ts";
import { adminStatusListSchema, statusInputSchema } from "../../common/statuses.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createStatus, deleteStatus, updateStatus } from "./commands/manage-statuses.ts";
import {
  createWithdrawReason,
  deleteWithdrawReason,
  updateWithdrawReason,
} from "./commands/manage-withdraw-reasons.ts";
import { listStatuses } from "./queries.ts";
import { listWithdrawReasons } from "./visible-ticket.ts";

export function registerTicketAdminRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, {
    path: "/api/v1/admin/withdraw-reasons",
    permission: "admin.settings",
    summaries: {
      list: "Reasons requesters choose from when withdrawing",
      create: "Add a reason",
      update: "Change a reason",
      remove: "Remove a reason",
    },
    list: {
      schema: withdrawReasonListSchema,
      load: async () => ({
        reasons: await listWithdrawReasons(db),
      }),
    },
    input: withdrawReasonInputSchema,
    create: (input) => createWithdrawReason(db, input),
    update: (id, input) => updateWithdrawReason(db, id, input),
    remove: (id) => deleteWithdrawReason(db, id),
  });

  registerAdminCollection(app, {
    path: "/api/v1/admin/statuses",
    permission: "admin.settings",
    summaries: {
      list: "Ticket statuses, in order, with how many tickets have each",
      create: "Add a status",
      update: "Rename, recategorise or move a status",
      remove: "Delete a status no ticket has",
    },
    list: { schema: adminStatusListSchema, load: async () => ({ statuses: await listStatuses(db) }) },
    input: statusInputSchema,
    create: (input) => createStatus(db, input),
    update: (id, input) => updateStatus(db, id, input),
    remove: (id) => deleteStatus(db, id),
  });
}
