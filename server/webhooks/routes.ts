/**
 * Admin routes for outgoing webhooks. Every one needs `admin.settings`. A webhook sends ticket data out of the
 * house, so choosing where it goes (adding or changing an endpoint, sending an event again) and reading what a
 * delivery carried also need `tickets.view_all`; without it the log shows each delivery without its body.
 */
import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  webhookDeliveryListSchema,
  webhookDetailSchema,
  webhookInputSchema,
  webhookListSchema,
  webhookSecretSchema,
} from "../../common/webhooks.ts";
import { requireEveryTicket, requirePermission, seesEveryTicket } from "../core/permissions.ts";
import type { App, Deps } from "../http/types.ts";
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from "./commands/manage-endpoints.ts";
import { findWebhook, listDeliveries, listWebhooks } from "./queries.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ["admin"];
const permission = "admin.settings";
const queued = z.object({ id: z.string() });

export function registerWebhookRoutes(app: App, { db, config }: Deps): void {
  app.get(
    "/api/v1/admin/webhooks",
    {
      schema: {
        tags,
        summary: "Webhook endpoints (secrets are never returned)",
        response: { 200: webhookListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, permission);
      return { webhooks: await listWebhooks(db) };
    },
  );
  app.post(
    "/api/v1/admin/webhooks",
    {
      schema: {
        tags,
        summary: "Add a webhook endpoint; the answer holds its signing secret, shown this once",
        body: webhookInputSchema,
        response: { 201: webhookSecretSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireEveryTicket(requirePermission(request.actor, permission));
      return reply.status(201).send(await createWebhook({ db, config }, webhookInputSchema.parse(request.body)));
    },
  );
  app.get(
    "/api/v1/admin/webhooks/:id",
    {
      schema: {
        tags,
        summary: "One webhook endpoint",
        params: idParamsSchema,
        response: { 200: webhookDetailSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, permission);
      return { webhook: await findWebhook(db, request.params.id) };
    },
  );
  app.put(
    "/api/v1/admin/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Change a webhook endpoint (switching it on clears its failure streak)",
        params: idParamsSchema,
        body: webhookInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireEveryTicket(requirePermission(request.actor, permission));
      await updateWebhook({ db, config }, request.params.id, webhookInputSchema.parse(request.body));
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Delete a webhook endpoint and its delivery log",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, permission);
      await deleteWebhook(db, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/v1/admin/webhooks/:id/secret",
    {
      schema: {
        tags,
        summary: "Replace the signing secret (the old one stops working at once); the answer shows the new one once",
        params: idParamsSchema,
        response: { 200: webhookSecretSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, permission);
      return rotateWebhookSecret(db, request.params.id);
    },
  );
  app.post(
    "/api/v1/admin/webhooks/:id/test",
    {
      schema: {
        tags,
        summary: "Send a test event (type ping, no ticket) once, even to a switched-off endpoint",
        params: idParamsSchema,
        response: { 202: queued, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request.actor, permission);
      const id = await sendTestEvent(db, request.params.id, { id: actor.user.id, name: actor.user.name });
      return reply.status(202).send({ id });
    },
  );
  app.get(
    "/api/v1/admin/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        summary: "The endpoint's delivery log, newest first (50)",
        params: idParamsSchema,
        response: { 200: webhookDeliveryListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request.actor, permission);
      return { deliveries: await listDeliveries(db, request.params.id, { bodies: seesEveryTicket(actor) }) };
    },
  );
  app.post(
    "/api/v1/admin/webhook-deliveries/:id/redeliver",
    {
      schema: {
        tags,
        summary: "Send a delivery's event again, as a new delivery, once",
        params: idParamsSchema,
        response: { 202: queued, ...errors },
      },
    },
    async (request, reply) => {
      requireEveryTicket(requirePermission(request.actor, permission));
      return reply.status(202).send({ id: await redeliver(db, request.params.id) });
    },
  );
}
