import { z } from "zod";
import { errorResponseSchema } from "../../../common/errors.ts";
import { linkInputSchema, linkParamsSchema, mergeInputSchema, ticketRelationsSchema } from "../../../common/links.ts";
import type { App, Deps } from "../../http/types.ts";
import { ticketScope } from "../policy.ts";
import { visibleTicket } from "../visible-ticket.ts";
import { parseTicketNumber, requireWork } from "../work-access.ts";
import { linkTickets, mergeTicket, unlinkTickets } from "./commands.ts";
import { listRelations } from "./queries.ts";

const params = z.object({ number: z.string().max(20) });
const done = {
  204: z.null(),
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Related tickets and merging duplicates: agents only, and only between tickets they can see. */
export function registerLinkRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    "/api/v1/tickets/:number/links",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: linked tickets, the ticket this one was merged into, and those merged into it",
        params,
        response: { 200: ticketRelationsSchema, ...done },
      },
    },
    async (request) => {
      requireWork(request.actor);
      const scope = ticketScope(request.actor);
      const ticket = await visibleTicket(db, request.actor, request.params.number);
      return listRelations(db, scope, ticket.id);
    },
  );

  app.post(
    "/api/v1/tickets/:number/links",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: link another ticket to this one (both show the link)",
        params,
        body: linkInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      await linkTickets(deps, request.actor, parseTicketNumber(request.params.number), request.body.number);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/links/:other",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: remove the link between two tickets",
        params: linkParamsSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      const number = parseTicketNumber(request.params.number);
      await unlinkTickets(deps, request.actor, number, parseTicketNumber(request.params.other));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/merge",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: merge this ticket (a duplicate) into another; it closes and its requester is told",
        params,
        body: mergeInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      await mergeTicket(deps, request.actor, parseTicketNumber(request.params.number), request.body.into);
      return reply.status(204).send(null);
    },
  );
}
