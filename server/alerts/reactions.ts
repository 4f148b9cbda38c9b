/** Personal alerts fire from the events they watch: a status change, the last task done, a target due or missed. */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Reaction } from "../tickets/events.ts";
import { openTaskCount } from "../tickets/tasks/queries.ts";
import { alertsForStatusChange, fireAlerts } from "./alerts.ts";

function ticketOf(trx: Transaction<Database>, id: string) {
  return trx.selectFrom("tickets").select(["id", "number", "subject"]).where("id", "=", id).executeTakeFirstOrThrow();
}

export const alertReaction: Reaction = async (trx, { config }, event) => {
  switch (event.type) {
    case "status_changed": {
      const categories = await trx
        .selectFrom("statuses")
        .select(["id", "category"])
        .where("id", "in", [event.payload.from, event.payload.to])
        .execute();
      const from = categories.find((s) => s.id === event.payload.from)?.category;
      const to = categories.find((s) => s.id === event.payload.to)?.category;
      if (!from || !to) return;
      await fireAlerts(trx, config, await ticketOf(trx, event.ticketId), alertsForStatusChange(from, to), event.at);
      return;
    }
    case "task_completed":
      if ((await openTaskCount(trx, event.ticketId)) === 0)
        await fireAlerts(trx, config, await ticketOf(trx, event.ticketId), ["all_tasks_complete"], event.at);
      return;
    case "sla_due":
    case "sla_overdue":
      await fireAlerts(
        trx,
        config,
        await ticketOf(trx, event.ticketId),
        [event.type === "sla_due" ? "ticket_due" : "ticket_overdue"],
        event.at,
      );
      return;
    default:
      return;
  }
};
