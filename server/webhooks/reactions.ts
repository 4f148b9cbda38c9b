import type { Reaction } from "../tickets/events.ts";
import { enqueueWebhookDeliveries } from "./enqueue.ts";

/** Every endpoint that asked for this event gets a signed delivery, queued in the event's own transaction. */
export const webhookReaction: Reaction = (trx, _ctx, event) =>
  enqueueWebhookDeliveries(trx, {
    id: event.id,
    ticketId: event.ticketId,
    type: event.type,
    actor: { id: event.actor.id, name: event.actor.name },
    visibility: event.visibility,
    payload: event.payload,
    at: event.at,
  });
