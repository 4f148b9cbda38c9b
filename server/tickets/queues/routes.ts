import { z } from "zod";
import { errorResponseSchema } from "../../../common/errors.ts";
import {
  agentTicketListQuerySchema,
  agentTicketPageSchema,
  bulkResultSchema,
  bulkUpdateSchema,
  queueOverviewSchema,
  savedViewInputSchema,
} from "../../../common/queues.ts";
import { ticketUpdateSchema, workspaceDirectorySchema } from "../../../common/ticket-edit.ts";
import { systemClock } from "../../clock.ts";
import { type Actor, hasPermission, type UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { etagOf, ifMatch } from "../../http/preconditions.ts";
import { refusals } from "../../http/refusals.ts";
import type { App, Deps } from "../../http/types.ts";
import { contentTextFor } from "../../i18n/content-text.ts";
import { translatorFor } from "../../i18n/request-locale.ts";
import { bulkUpdate } from "../commands/bulk-update.ts";
import { updateTicket } from "../commands/update-ticket.ts";
import { visibleTicketVersion } from "../ticket-version.ts";
import { parseNumber } from "../visible-ticket.ts";
import { workspaceDirectory } from "./directory.ts";
import { listAgentTickets, queueOverview } from "./queries.ts";
import { createSavedView, deleteSavedView, updateSavedView } from "./views.ts";

/** The workspace is for people who work tickets; everyone else is refused before any query runs. */
function requireAgent(actor: Actor): UserActor {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to work tickets.");
  if (actor.kind !== "user" || !hasPermission(actor, "tickets.work")) {
    throw new AppError("forbidden", "Only agents can use the agent workspace.");
  }
  return actor;
}

/** The agent workspace: queues with counts, filtered lists, saved views, edits and bulk edits. */
export function registerQueueRoutes(app: App, deps: Deps): void {
  // Queue pages and counts are the reads that grow with the help desk: they go to the reader (http/types.ts).
  const { db, reader } = deps;
  const viewParams = z.object({ id: z.uuid({ error: "That view does not exist." }) });

  app.get(
    "/api/v1/agent/queues",
    {
      schema: {
        tags: ["agent"],
        summary: "The built-in queues and the caller's saved views, each with its number of tickets",
        response: { 200: queueOverviewSchema, ...refusals, 503: errorResponseSchema },
      },
    },
    async (request) => queueOverview(reader, requireAgent(request.actor), systemClock()),
  );

  app.get(
    "/api/v1/agent/tickets",
    {
      schema: {
        tags: ["agent"],
        summary: "One page of a queue, with filters (repeat a parameter for several values) and any sort column",
        querystring: agentTicketListQuerySchema,
        response: { 200: agentTicketPageSchema, ...refusals, 503: errorResponseSchema },
      },
    },
    async (request) => listAgentTickets(reader, requireAgent(request.actor), request.query, systemClock()),
  );

  app.get(
    "/api/v1/agent/directory",
    {
      schema: {
        tags: ["agent"],
        summary: "Agents, groups, ticket types with their fields and categories, for the edit and bulk forms",
        response: { 200: workspaceDirectorySchema, ...refusals },
      },
    },
    async (request) => {
      requireAgent(request.actor);
      return workspaceDirectory(db, await contentTextFor(db, request, ["ticket-field"]));
    },
  );

  app.post(
    "/api/v1/agent/tickets/bulk",
    {
      schema: {
        tags: ["agent"],
        summary: "Change status, priority, assignee or group of several tickets, or add a note to each",
        body: bulkUpdateSchema,
        response: { 200: bulkResultSchema, ...refusals },
      },
    },
    async (request) => bulkUpdate(deps, requireAgent(request.actor), request.body, await translatorFor(db, request)),
  );

  app.patch(
    "/api/v1/tickets/:number",
    {
      schema: {
        tags: ["agent"],
        summary: "Update a ticket (agents): subject, priority, status, assignee, group, category, type and fields",
        description:
          "Send `If-Match` with the ETag of GET /api/v1/tickets/{number} to change only the version you read: a ticket changed since answers 412 `precondition_failed`. The answer carries the new ETag.",
        params: z.object({ number: z.string().max(20) }),
        body: ticketUpdateSchema,
        response: { 204: z.null(), ...refusals, 409: errorResponseSchema, 412: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to edit tickets.");
      const number = parseNumber(request.params.number);
      if (number === undefined) throw notFound("That ticket");
      const { t } = await translatorFor(db, request);
      await updateTicket(deps, actor, number, request.body, ifMatch(request), t);
      const version = await visibleTicketVersion(db, actor, number);
      if (version) reply.header("etag", etagOf(version));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/agent/views",
    {
      schema: {
        tags: ["agent"],
        summary: "Save the current filters as a personal view",
        body: savedViewInputSchema,
        response: { 201: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await createSavedView(db, requireAgent(request.actor), request.body) }),
  );

  app.put(
    "/api/v1/agent/views/:id",
    {
      schema: {
        tags: ["agent"],
        summary: "Rename a saved view or change its filters (only its owner)",
        params: viewParams,
        body: savedViewInputSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await updateSavedView(db, requireAgent(request.actor), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/agent/views/:id",
    {
      schema: {
        tags: ["agent"],
        summary: "Delete a saved view (only its owner)",
        params: viewParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteSavedView(db, requireAgent(request.actor), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
