import { agentTicketInputSchema, requesterListSchema, requesterSearchSchema } from "../../common/new-ticket.ts";
import { ticketSubmittedSchema } from "../../common/tickets.ts";
import { type Actor, hasPermission, type UserActor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { translatorFor } from "../i18n/request-locale.ts";
import { withUploads } from "./attachments/standalone-uploads.ts";
import { openTicketForRequester } from "./commands/open-ticket.ts";
import { uploadTempDir } from "./commands/submit-ticket.ts";
import { searchRequesters } from "./requester-search.ts";

function requireAgent(actor: Actor): UserActor {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to open tickets for others.");
  if (actor.kind !== "user" || !hasPermission(actor, "tickets.work")) {
    throw new AppError("forbidden", "Only agents can open tickets for others.");
  }
  return actor;
}

/** Agents (and integrations with an agent's API token) open tickets for callers, visitors and correspondents. */
export function registerIntakeRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.post(
    "/api/v1/agent/tickets",
    {
      schema: {
        tags: ["agent"],
        summary:
          "Open a ticket for someone else: a requester by id, or by name and email (their account when one has that address), with the channel it came by",
        body: agentTicketInputSchema,
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const agent = requireAgent(request.actor);
      const { t } = await translatorFor(db, request);
      const opened = await withUploads(deps, agent, request.body.attachments, uploadTempDir(deps.config), (files) =>
        openTicketForRequester(deps, agent, request.body, files, t),
      );
      return reply.status(201).send(opened);
    },
  );

  app.get(
    "/api/v1/agent/requesters",
    {
      schema: {
        tags: ["agent"],
        summary: "People with an account whose name or email contains the words, for choosing a requester",
        querystring: requesterSearchSchema,
        response: { 200: requesterListSchema, ...refusals },
      },
    },
    async (request) => {
      requireAgent(request.actor);
      return { requesters: await searchRequesters(db, request.query.q) };
    },
  );
}
