import { adminStatusListSchema, statusInputSchema } from "../../common/statuses.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createStatus, deleteStatus, updateStatus } from "./commands/manage-statuses.ts";
import { listStatuses } from "./queries.ts";

export function registerTicketAdminRoutes(app: App, { db }: Deps): void {
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
