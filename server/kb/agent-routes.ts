import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  kbFromTicketSchema,
  kbIdParamsSchema,
  kbOutdatedInputSchema,
  kbTicketSuggestionsSchema,
} from "../../common/kb.ts";
import { notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { parseTicketNumber, requireWork } from "../tickets/work-access.ts";
import { articleFromTicket, flagOutdated } from "./commands/from-ticket.ts";
import { articleScope, requireEditor } from "./policy.ts";
import { readableArticleRef, suggestionsForWorkableTicket } from "./queries.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ["kb"];
const ticketParams = z.object({ number: z.string().max(12) });

/** The knowledge base on the agent's ticket page: what the requester was offered, writing and flagging articles. */
export function registerKbAgentRoutes(app: App, { db, engine }: Deps): void {
  app.get(
    "/api/v1/tickets/:number/kb-suggestions",
    {
      schema: {
        tags,
        summary: "The articles the requester was offered while writing this ticket",
        params: ticketParams,
        response: { 200: kbTicketSuggestionsSchema, ...errors },
      },
    },
    async (request) => {
      const number = parseTicketNumber(request.params.number);
      return { articles: await suggestionsForWorkableTicket(db, request.actor, number) };
    },
  );

  app.post(
    "/api/v1/tickets/:number/kb-articles",
    {
      schema: {
        tags,
        summary: "Write a draft article from this ticket's question and the latest public answer",
        params: ticketParams,
        response: { 201: kbFromTicketSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      const editor = requireEditor(request.actor);
      const number = parseTicketNumber(request.params.number);
      return reply.status(201).send(await articleFromTicket({ db, engine }, editor, request.actor, number));
    },
  );

  app.post(
    "/api/v1/kb/articles/:id/outdated",
    {
      schema: {
        tags,
        summary: "Flag an article as outdated, for its editors to look at",
        params: kbIdParamsSchema,
        body: kbOutdatedInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      const article = await readableArticleRef(db, articleScope(request.actor), { id: request.params.id });
      if (!article || request.actor.kind !== "user") throw notFound("That article");
      await flagOutdated(db, article.id, request.actor.user.name, request.body.note, request.body.ticketNumber);
      return reply.status(204).send(null);
    },
  );
}
