import { z } from "zod";
import { commentEditSchema, commentSchema } from "../../common/conversation.ts";
import { AppError } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { deleteComment, editComment } from "./commands/manage-comments.ts";
import { findComment, presentComment } from "./comments.ts";
import { seesInternal } from "./policy.ts";
import { ticketNumber, visibleTicket } from "./visible-ticket.ts";

const params = z.object({ number: z.string().max(20), id: z.string().max(64) });

/** One comment or note: read by whoever sees it in the Feed; corrected or removed by agents working the ticket. */
export function registerCommentRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    "/api/v1/tickets/:number/comments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "One comment or note with its latest words (private comments and notes: agents only)",
        params,
        response: { 200: commentSchema, ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
      const ticket = await visibleTicket(db, request.actor, request.params.number);
      return presentComment(await findComment(db, ticket.id, request.params.id, seesInternal(request.actor)));
    },
  );

  app.patch(
    "/api/v1/tickets/:number/comments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: change a comment's words; the words before stay in the Feed, customers see it marked edited",
        params,
        body: commentEditSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { number, id } = request.params;
      await editComment(deps, request.actor, ticketNumber(number), id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/comments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: remove a comment; the Feed says who removed it instead of its words",
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { number, id } = request.params;
      await deleteComment(deps, request.actor, ticketNumber(number), id);
      return reply.status(204).send(null);
    },
  );
}
