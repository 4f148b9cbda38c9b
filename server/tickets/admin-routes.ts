import { statusesCollection, withdrawReasonsCollection } from "../../common/admin-collections.ts";
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
  registerAdminCollection(app, withdrawReasonsCollection, {
    load: async () => ({ reasons: await listWithdrawReasons(db) }),
    create: (input) => createWithdrawReason(db, input),
    update: (id, input) => updateWithdrawReason(db, id, input),
    remove: (id) => deleteWithdrawReason(db, id),
  });

  registerAdminCollection(app, statusesCollection, {
    load: async () => ({ statuses: await listStatuses(db) }),
    create: (input) => createStatus(db, input),
    update: (id, input) => updateStatus(db, id, input),
    remove: (id) => deleteStatus(db, id),
  });
}
