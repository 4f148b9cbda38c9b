/**
 * The webhook reaction to a ticket event: one delivery (a row in the log and a job in the outbox) per active
 * endpoint that wants it, written in the event's own transaction, so a delivery exists exactly when the
 * change it reports committed.
 */
import type { Transaction } from "kysely";
import { z } from "zod";
import type { TicketEventType } from "../../common/ticket-events.ts";
import { type WebhookEventType, webhookEventTypes } from "../../common/webhooks.ts";
import { decodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { enqueueJob } from "../jobs/queue.ts";
import { eventBody, type StoredTicketEvent, ticketSummary } from "./payload.ts";

// Every event type but "viewed" can be subscribed to: this fails to compile when a new type is not listed.
type Unlisted = Exclude<TicketEventType, WebhookEventType | "viewed">;
const everyTypeListed: Unlisted extends never ? true : Unlisted = true;
void everyTypeListed;

const idList = z.array(z.string());
const eventList = z.array(z.enum(webhookEventTypes));

export const webhookJobKind = "webhook.deliver";
/** The job only carries the delivery's id; the row holds the body, and the handler reloads it. */
export const deliveryJobOptions = { maxAttempts: 3 } as const;

export async function enqueueDelivery(
  trx: Transaction<Database>,
  delivery: {
    endpointId: string;
    eventId: string;
    eventType: string;
    kind: "event" | "test" | "redelivery";
    body: string;
  },
  at: string,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("webhook_deliveries")
    .values({
      id,
      endpoint_id: delivery.endpointId,
      event_id: delivery.eventId,
      event_type: delivery.eventType,
      kind: delivery.kind,
      body: delivery.body,
      status: "pending",
      attempts: 0,
      response_status: null,
      duration_ms: null,
      response_excerpt: null,
      error: null,
      created_at: at,
      last_attempt_at: null,
      next_attempt_at: at,
    })
    .execute();
  await enqueueJob(trx, webhookJobKind, { deliveryId: id }, { at, ...deliveryJobOptions });
  return id;
}

/** The one entry point of the webhook reaction: called with each ticket event once it is stored. */
export async function enqueueWebhookDeliveries(trx: Transaction<Database>, event: StoredTicketEvent): Promise<void> {
  // Page views are the most frequent event and never sent: not even the endpoint lookup for them.
  if (event.type === "viewed") return;
  const endpoints = await trx
    .selectFrom("webhook_endpoints")
    .select(["id", "events", "group_ids", "ticket_type_ids", "include_internal"])
    .where("active", "=", 1)
    .execute();
  const wanting = endpoints.filter(
    (e) =>
      eventList.parse(decodeJson(e.events)).includes(event.type as WebhookEventType) &&
      (event.visibility === "public" || e.include_internal === 1),
  );
  if (wanting.length === 0) return;
  const ticket = await ticketSummary(trx, event.ticketId);
  if (!ticket) return;
  const body = eventBody(event, ticket.summary);
  for (const endpoint of wanting) {
    const groups = idList.parse(decodeJson(endpoint.group_ids));
    const types = idList.parse(decodeJson(endpoint.ticket_type_ids));
    if (groups.length && !(ticket.groupId && groups.includes(ticket.groupId))) continue;
    if (types.length && !(ticket.ticketTypeId && types.includes(ticket.ticketTypeId))) continue;
    await enqueueDelivery(
      trx,
      { endpointId: endpoint.id, eventId: event.id, eventType: event.type, kind: "event", body },
      event.at,
    );
  }
}
