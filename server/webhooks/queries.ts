import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type Webhook, type WebhookDelivery, webhookEventTypes, webhookTestEventType } from "../../common/webhooks.ts";
import { notFound } from "../core/errors.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

const idList = z.array(z.string());
const eventList = z.array(z.enum(webhookEventTypes));

/** Everything but the secret, which leaves the server only when it is made. */
const endpointColumns = [
  "id",
  "url",
  "description",
  "events",
  "group_ids",
  "ticket_type_ids",
  "include_internal",
  "active",
  "consecutive_failures",
  "disabled_reason",
  "disabled_at",
  "created_at",
] as const;
type EndpointRow = Pick<Selectable<Database["webhook_endpoints"]>, (typeof endpointColumns)[number]>;

function present(row: EndpointRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: eventList.parse(decodeJson(row.events)),
    groupIds: idList.parse(decodeJson(row.group_ids)),
    ticketTypeIds: idList.parse(decodeJson(row.ticket_type_ids)),
    includeInternal: row.include_internal === 1,
    active: row.active === 1,
    consecutiveFailures: row.consecutive_failures,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

export async function listWebhooks(db: Kysely<Database>): Promise<Webhook[]> {
  const rows = await db.selectFrom("webhook_endpoints").select(endpointColumns).orderBy("created_at").execute();
  return rows.map(present);
}

export async function findWebhook(db: Kysely<Database>, id: string): Promise<Webhook> {
  const row = await db.selectFrom("webhook_endpoints").select(endpointColumns).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("That webhook");
  return present(row);
}

/**
 * The newest deliveries first; a page of them is what an admin looking into a problem reads. Without `bodies`
 * (a reader who may not see every ticket) a body is left out unless it is a test event's, which has no ticket.
 */
export async function listDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  { bodies, limit = 50 }: { bodies: boolean; limit?: number },
): Promise<WebhookDelivery[]> {
  await findWebhook(db, endpointId);
  const rows = await db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("endpoint_id", "=", endpointId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    responseStatus: r.response_status,
    durationMs: r.duration_ms,
    responseExcerpt: r.response_excerpt,
    error: r.error,
    requestBody: bodies || r.event_type === webhookTestEventType ? r.body : null,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}
