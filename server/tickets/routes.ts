import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketPageSchema,
  ticketSubmissionSchema,
  ticketSubmittedSchema,
} from "../../common/tickets.ts";
import { enforceLimit } from "../accounts/rate-limit.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { canSubmitTicket, ticketScope } from "./policy.ts";
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
      if (!canSubmitTicket(request.actor)) throw new AppError("forbidden", "Your account may not submit requests.");
      if (request.actor.kind !== "user") {
        await enforceLimit(
          db,
          "submitTicket",
          { ip: request.ip, target: request.body.email },
          { enabled: deps.config.rateLimiting },
        );
      }
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
      const { view, ...page } = request.query;
      return listTickets(db, ticketScope(request.actor, view), page);
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
