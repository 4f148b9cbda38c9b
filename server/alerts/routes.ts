import { z } from "zod";
import { alertListSchema, alertParamsSchema } from "../../common/alerts.ts";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { visibleTicket } from "../tickets/visible-ticket.ts";
import { activeAlerts, subscribe, subscriberOf, unsubscribe } from "./alerts.ts";

/** Personal alerts on a ticket: list, add and remove the caller's own. */
export function registerAlertRoutes(app: App, { db }: Deps): void {
  async function target(actor: Actor, raw: string) {
    const subscriber = subscriberOf(actor);
    if (!subscriber) throw new AppError("unauthenticated", "Sign in, or use the link from your email.");
    const ticket = await visibleTicket(db, actor, raw);
    return { ticketId: ticket.id, subscriber };
  }

  app.get(
    "/api/v1/tickets/:number/alerts",
    {
      schema: {
        tags: ["tickets"],
        summary: "My active alerts on this ticket",
        params: z.object({ number: z.string().max(20) }),
        response: { 200: alertListSchema, ...refusals },
      },
    },
    async (request) => {
      const { ticketId, subscriber } = await target(request.actor, request.params.number);
      return { active: await activeAlerts(db, ticketId, subscriber) };
    },
  );

  app.put(
    "/api/v1/tickets/:number/alerts/:kind",
    {
      schema: {
        tags: ["tickets"],
        summary: "Add an alert",
        params: alertParamsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { ticketId, subscriber } = await target(request.actor, request.params.number);
      await subscribe(db, ticketId, subscriber, request.params.kind);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/alerts/:kind",
    {
      schema: {
        tags: ["tickets"],
        summary: "Remove an alert",
        params: alertParamsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { ticketId, subscriber } = await target(request.actor, request.params.number);
      await unsubscribe(db, ticketId, subscriber, request.params.kind);
      return reply.status(204).send(null);
    },
  );
}
