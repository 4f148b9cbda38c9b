import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketPageSchema,
  ticketSubmissionSchema,
  ticketSubmittedSchema,
} from "../../common/tickets.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { canListAllTickets, canSubmitTicket, ticketScope } from "./policy.ts";
import { findTicketByNumber, listTickets } from "./queries.ts";

const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

export function registerTicketRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  app.post(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "Submit a request",
        body: ticketSubmissionSchema,
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => {
      if (!canSubmitTicket(request.actor)) throw new AppError("forbidden", "You may not submit requests.");
      const submitted = await submitTicket(deps, request.actor, request.body);
      return reply.status(201).send(submitted);
    },
  );

  app.get(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "List tickets, newest first",
        querystring: ticketListQuerySchema,
        response: { 200: ticketPageSchema, ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see tickets.");
      if (!canListAllTickets(request.actor)) throw new AppError("forbidden", "Only agents can see the ticket list.");
      return listTickets(db, ticketScope(request.actor), request.query);
    },
  );

  app.get(
    "/api/v1/tickets/:number",
    {
      schema: {
        tags: ["tickets"],
        summary: "One ticket by its number",
        params: z.object({
          number: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1),
        }),
        response: { 200: ticketDetailSchema, ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
      const ticket = await findTicketByNumber(db, ticketScope(request.actor), request.params.number);
      if (!ticket) throw notFound("That ticket");
      return ticket;
    },
  );
}
