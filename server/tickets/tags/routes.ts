import { z } from "zod";
import { errorResponseSchema } from "../../../common/errors.ts";
import { tagListSchema } from "../../../common/tags.ts";
import { type Actor, hasPermission } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { refusals } from "../../http/refusals.ts";
import type { App, Deps } from "../../http/types.ts";
import { seesInternal } from "../policy.ts";
import { ticketNumber, visibleTicket } from "../visible-ticket.ts";
import { addTag, removeTag } from "./commands.ts";
import { listTags } from "./queries.ts";

const params = z.object({ number: z.string().max(20) });
const tagParams = params.extend({ tag: z.string().max(200) });

/** Refuses customers and guests before any lookup: tags are agents' own words about a ticket. */
function requireAgent(actor: Actor): void {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
  if (!seesInternal(actor) && !hasPermission(actor, "tickets.work"))
    throw new AppError("forbidden", "Only agents can see a ticket's tags.");
}

/** Tags on a ticket: listed to agents, added and removed by agents working it. */
export function registerTagRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    "/api/v1/tickets/:number/tags",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: the ticket's tags, in alphabetical order",
        params,
        response: { 200: tagListSchema, ...refusals },
      },
    },
    async (request) => {
      requireAgent(request.actor);
      const ticket = await visibleTicket(db, request.actor, request.params.number);
      return { tags: await listTags(db, ticket.id) };
    },
  );

  app.put(
    "/api/v1/tickets/:number/tags/:tag",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Agents: tag the ticket (lowercased; at most 40 characters, 20 tags a ticket); a tag already there is no change",
        params: tagParams,
        response: { 204: z.null(), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await addTag(deps, request.actor, ticketNumber(request.params.number), request.params.tag);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/tags/:tag",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: remove a tag from the ticket; a tag it does not carry is no change",
        params: tagParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeTag(deps, request.actor, ticketNumber(request.params.number), request.params.tag);
      return reply.status(204).send(null);
    },
  );
}
