import type { Transaction } from "kysely";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database, Visibility } from "../db/schema.ts";
import { enqueueWebhookDeliveries } from "../webhooks/enqueue.ts";

/** The kinds of things that happen to a ticket; the Feed, notifications and SLA read these. */
export type TicketEventType =
  | "created"
  | "comment"
  | "note"
  | "status_changed"
  | "viewed"
  | "cc_added"
  | "cc_removed"
  | "follow_up_created"
  | "edited"
  // Agent tools (tasks are internal; a merge tells the duplicate's readers where it went).
  | "task_added"
  | "task_edited"
  | "task_completed"
  | "task_reopened"
  | "task_removed"
  | "merged_into"
  | "merged_from"
  | "linked"
  | "unlinked"
  | "priority_changed"
  // Service levels (server/sla/): a target is about to be missed, or was.
  | "sla_due"
  | "sla_overdue"
  // Automation (server/automation/): a trigger or time rule changed the ticket or sent a reminder.
  | "automation_applied";

export type TicketEventInput = {
  ticketId: string;
  type: TicketEventType;
  actor: { id: string | null; name: string };
  visibility: Visibility;
  payload: Record<string, unknown>;
  at: string;
};

/** Takes a transaction, not a database: an event is only ever written together with the change it records. */
export async function insertTicketEvent(trx: Transaction<Database>, event: TicketEventInput): Promise<string> {
  const id = newId();
  await trx
    .insertInto("ticket_events")
    .values({
      id,
      ticket_id: event.ticketId,
      type: event.type,
      actor_id: event.actor.id,
      actor_name: event.actor.name,
      visibility: event.visibility,
      payload: encodeJson(event.payload),
      created_at: event.at,
    })
    .execute();
  // Wired here until #15's reaction list lands; the lead moves it.
  await enqueueWebhookDeliveries(trx, { id, ...event });
  return id;
}
