/**
 * The `webhook.deliver` job: one attempt at one delivery, written to the delivery log. A failed automatic
 * delivery is tried again later (retryDelaysMs) by a new job; too many failures in a row switch the endpoint
 * off and mail the admins. Test events and redeliveries are an admin's explicit request: tried once, whatever
 * the endpoint's state, and they neither count towards nor reset the failure streak.
 */
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { type Clock, systemClock } from "../clock.ts";
import type { AppContext } from "../core/context.ts";
import type { Database } from "../db/schema.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { parseJobPayload } from "../jobs/payload.ts";
import { enqueueJob } from "../jobs/queue.ts";
import type { JobHandler } from "../jobs/runner.ts";
import { queueMail } from "../mail/outbox.ts";
import { webhookDisabled } from "../mail/templates/webhook-disabled.ts";
import { parseAllowList } from "./destination.ts";
import { deliveryJobOptions, webhookJobKind } from "./enqueue.ts";
import { type Attempt, sendWebhook } from "./send.ts";
import { signatureHeader } from "./signature.ts";

const minute = 60_000;
/** After the first attempt: a minute, five, half an hour, two hours, eight hours; six attempts over about 11 hours. */
export const retryDelaysMs = [1, 5, 30, 120, 480].map((m) => m * minute);

const payloadSchema = z.object({ deliveryId: z.string() });

type Loaded = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

function loadDelivery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
    .select([
      "d.id",
      "d.endpoint_id",
      "d.event_id",
      "d.event_type",
      "d.kind",
      "d.body",
      "d.status",
      "d.attempts",
      "e.url",
      "e.secret",
      "e.active",
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** The request as the receiver gets it; the timestamp is wall-clock time, as the receiver's check expects. */
export function deliveryRequest(d: Pick<Loaded, "id" | "event_id" | "event_type" | "body" | "url" | "secret">) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    url: d.url,
    body: d.body,
    headers: {
      "content-type": "application/json",
      "user-agent": "Switchboard-Webhooks/1",
      "switchboard-event": d.event_type,
      "switchboard-event-id": d.event_id,
      "switchboard-delivery": d.id,
      "switchboard-timestamp": String(timestamp),
      "switchboard-signature": signatureHeader(d.secret, d.body, timestamp),
    },
  };
}

export function webhookDeliveryHandler(context: AppContext, clock: Clock = systemClock): JobHandler {
  const { db, config } = context;
  const allow = parseAllowList(config.webhooks.allowHosts);
  return async (payload, signal) => {
    const { deliveryId } = parseJobPayload(payloadSchema, payload);
    const delivery = await loadDelivery(db, deliveryId);
    // Done already (a job run twice after a lost lease), or its endpoint was deleted.
    if (!delivery || (delivery.status !== "pending" && delivery.status !== "retrying")) return;
    const automatic = delivery.kind === "event";
    if (automatic && delivery.active !== 1) {
      await db
        .updateTable("webhook_deliveries")
        .set({ status: "failed", error: "Not sent: the endpoint was switched off.", next_attempt_at: null })
        .where("id", "=", deliveryId)
        .execute();
      return;
    }
    const attempt = await sendWebhook(deliveryRequest(delivery), {
      allow,
      timeoutMs: config.webhooks.timeoutMs,
      signal,
    });
    await recordAttempt(context, delivery, attempt, clock);
  };
}

async function recordAttempt(context: AppContext, d: Loaded, attempt: Attempt, clock: Clock): Promise<void> {
  const { db, config } = context;
  const at = clock();
  const attempts = d.attempts + 1;
  await db.transaction().execute(async (trx) => {
    const logged = {
      attempts,
      response_status: attempt.responseStatus,
      duration_ms: attempt.durationMs,
      response_excerpt: attempt.responseExcerpt,
      error: attempt.error,
      last_attempt_at: at.toISOString(),
    };
    const automatic = d.kind === "event";
    if (attempt.ok || !automatic) {
      await trx
        .updateTable("webhook_deliveries")
        .set({ ...logged, status: attempt.ok ? "succeeded" : "failed", next_attempt_at: null })
        .where("id", "=", d.id)
        .execute();
      if (attempt.ok && automatic) {
        await trx
          .updateTable("webhook_endpoints")
          .set({ consecutive_failures: 0 })
          .where("id", "=", d.endpoint_id)
          .execute();
      }
      return;
    }
    // Counted in the database, so deliveries failing side by side each add their own failure.
    const endpoint = await trx
      .updateTable("webhook_endpoints")
      .set((eb) => ({ consecutive_failures: eb("consecutive_failures", "+", 1) }))
      .where("id", "=", d.endpoint_id)
      .returning(["consecutive_failures", "active", "url"])
      .executeTakeFirstOrThrow();
    if (endpoint.active === 1 && endpoint.consecutive_failures >= config.webhooks.disableAfter) {
      const reason = `Switched off after ${endpoint.consecutive_failures} failed deliveries in a row.`;
      await trx
        .updateTable("webhook_endpoints")
        .set({ active: 0, disabled_reason: reason, disabled_at: at.toISOString(), updated_at: at.toISOString() })
        .where("id", "=", d.endpoint_id)
        .execute();
      await trx
        .updateTable("webhook_deliveries")
        .set({ ...logged, status: "failed", next_attempt_at: null })
        .where("id", "=", d.id)
        .execute();
      await mailAdmins(trx, context, {
        url: endpoint.url,
        failures: endpoint.consecutive_failures,
        lastError: attempt.error ?? "unknown",
        endpointId: d.endpoint_id,
        at: at.toISOString(),
      });
      return;
    }
    const delay = retryDelaysMs[attempts - 1];
    if (delay === undefined || endpoint.active !== 1) {
      await trx
        .updateTable("webhook_deliveries")
        .set({ ...logged, status: "failed", next_attempt_at: null })
        .where("id", "=", d.id)
        .execute();
      return;
    }
    const next = new Date(at.getTime() + delay).toISOString();
    await trx
      .updateTable("webhook_deliveries")
      .set({ ...logged, status: "retrying", next_attempt_at: next })
      .where("id", "=", d.id)
      .execute();
    await enqueueJob(
      trx,
      webhookJobKind,
      { deliveryId: d.id },
      { at: at.toISOString(), runAt: next, ...deliveryJobOptions },
    );
  });
}

async function mailAdmins(
  trx: Transaction<Database>,
  context: AppContext,
  p: { url: string; failures: number; lastError: string; endpointId: string; at: string },
): Promise<void> {
  const admins = await trx
    .selectFrom("users")
    .select("email")
    .where("licence", "=", "admin")
    .where("disabled_at", "is", null)
    .execute();
  const notice = {
    url: p.url,
    failures: p.failures,
    lastError: p.lastError,
    pageUrl: `${context.config.baseUrl}/admin/webhooks/${p.endpointId}`,
  };
  for (const admin of admins) {
    const content = webhookDisabled(await recipientTranslator(trx, admin.email), notice);
    await queueMail(
      trx,
      { template: "webhook-disabled", to: admin.email, content },
      { baseUrl: context.config.baseUrl, at: p.at },
    );
  }
}
