/** Admins add, change, delete and test endpoints, rotate their secrets and redeliver from the log. */
import type { Kysely } from "kysely";
import { type WebhookInput, webhookTestEventType } from "../../../common/webhooks.ts";
import type { Config } from "../../config.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { encodeJson, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { parseAllowList, urlProblem } from "../destination.ts";
import { enqueueDelivery } from "../enqueue.ts";
import type { WebhookBody } from "../payload.ts";
import { newWebhookSecret } from "../signature.ts";

type Ctx = { db: Kysely<Database>; config: Config };

async function check({ db, config }: Ctx, input: WebhookInput): Promise<void> {
  const fields: Record<string, string> = {};
  const problem = urlProblem(input.url, parseAllowList(config.webhooks.allowHosts));
  if (problem) fields.url = problem;
  if (input.groupIds.length) {
    const found = await db.selectFrom("groups").select("id").where("id", "in", input.groupIds).execute();
    if (found.length !== new Set(input.groupIds).size) fields.groupIds = "Choose groups from the list.";
  }
  if (input.ticketTypeIds.length) {
    const found = await db.selectFrom("ticket_types").select("id").where("id", "in", input.ticketTypeIds).execute();
    if (found.length !== new Set(input.ticketTypeIds).size) fields.ticketTypeIds = "Choose ticket types from the list.";
  }
  if (Object.keys(fields).length) throw new AppError("validation_failed", "Some fields need attention.", fields);
}

function values(input: WebhookInput) {
  return {
    url: input.url,
    description: input.description,
    events: encodeJson(input.events),
    group_ids: encodeJson(input.groupIds),
    ticket_type_ids: encodeJson(input.ticketTypeIds),
    include_internal: input.includeInternal ? 1 : 0,
    active: input.active ? 1 : 0,
  };
}

/** Answers the new endpoint's secret: the one time it is shown. */
export async function createWebhook(ctx: Ctx, input: WebhookInput): Promise<{ id: string; secret: string }> {
  await check(ctx, input);
  const id = newId();
  const secret = newWebhookSecret();
  const at = now();
  await ctx.db
    .insertInto("webhook_endpoints")
    .values({
      id,
      ...values(input),
      secret,
      consecutive_failures: 0,
      disabled_reason: null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, secret };
}

/** Switching an endpoint (back) on clears the failure streak and the reason it was switched off. */
export async function updateWebhook(ctx: Ctx, id: string, input: WebhookInput): Promise<void> {
  await check(ctx, input);
  const result = await ctx.db
    .updateTable("webhook_endpoints")
    .set({
      ...values(input),
      ...(input.active ? { consecutive_failures: 0, disabled_reason: null, disabled_at: null } : {}),
      updated_at: now(),
    })
    .where("id", "=", id)
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) throw notFound("That webhook");
}

/** Its delivery log goes with it; deliveries still waiting find no endpoint and are dropped. */
export async function deleteWebhook(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom("webhook_endpoints").where("id", "=", id).executeTakeFirst();
  if (!Number(result.numDeletedRows)) throw notFound("That webhook");
}

/** The old secret stops working at once: receivers must be given the new one before the next delivery. */
export async function rotateWebhookSecret(db: Kysely<Database>, id: string): Promise<{ id: string; secret: string }> {
  const secret = newWebhookSecret();
  const result = await db
    .updateTable("webhook_endpoints")
    .set({ secret, updated_at: now() })
    .where("id", "=", id)
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) throw notFound("That webhook");
  return { id, secret };
}

/** A "ping" event with no ticket, sent once, so an admin can see the receiver answer and check the signature. */
export async function sendTestEvent(db: Kysely<Database>, id: string, actor: { id: string; name: string }) {
  return db.transaction().execute(async (trx) => {
    const endpoint = await trx.selectFrom("webhook_endpoints").select("id").where("id", "=", id).executeTakeFirst();
    if (!endpoint) throw notFound("That webhook");
    const at = now();
    const eventId = newId();
    const body: WebhookBody = {
      event: {
        id: eventId,
        type: webhookTestEventType,
        occurredAt: at,
        visibility: "public",
        actor,
        payload: { message: "A test event from Switchboard." },
      },
      ticket: null,
    };
    return enqueueDelivery(
      trx,
      { endpointId: id, eventId, eventType: webhookTestEventType, kind: "test", body: JSON.stringify(body) },
      at,
    );
  });
}

/** The same body and event id again, in a new delivery (the log keeps both); signed afresh when sent. */
export async function redeliver(db: Kysely<Database>, deliveryId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const original = await trx
      .selectFrom("webhook_deliveries")
      .select(["endpoint_id", "event_id", "event_type", "body"])
      .where("id", "=", deliveryId)
      .executeTakeFirst();
    if (!original) throw notFound("That delivery");
    return enqueueDelivery(
      trx,
      {
        endpointId: original.endpoint_id,
        eventId: original.event_id,
        eventType: original.event_type,
        kind: "redelivery",
        body: original.body,
      },
      now(),
    );
  });
}
