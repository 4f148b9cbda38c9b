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
        // Any text is accepted here so that a number that is not one answers "not found" like a missing ticket.
        params: z.object({ number: z.string().max(20) }),
        response: { 200: ticketDetailSchema, ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
      const number = /^\d{1,10}$/.test(request.params.number) ? Number(request.params.number) : Number.NaN;
      const ticket =
        number <= 2 ** 31 - 1 ? await findTicketByNumber(db, ticketScope(request.actor), number) : undefined;
      if (!ticket) throw notFound("That ticket");
      return ticket;
    },
  );
}
