import { z } from "zod";
import { commentInputSchema, feedSchema, readBySchema } from "../../common/conversation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { enforceCustomerLimit } from "../accounts/rate-limit.ts";
import type { Actor } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import { parseJsonPart } from "../http/json-part.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { contentTextFor } from "../i18n/content-text.ts";
import { withUploads } from "./attachments/standalone-uploads.ts";
import { defaultUploadLimits, discardUploads, receiveMultipart } from "./attachments/uploads.ts";
import { addComment } from "./commands/add-comment.ts";
import { uploadTempDir } from "./commands/submit-ticket.ts";
import { listFeed, listReadBy, recordView } from "./conversation.ts";
import { namedTicketsScope, seesInternal } from "./policy.ts";
import { checkTicketAction, parseNumber, visibleTicket } from "./visible-ticket.ts";

/** The conversation on a ticket: comments and notes, the Feed, and Read By. */
export function registerConversationRoutes(app: App, deps: Deps): void {
  const { db, reader } = deps;
  const params = z.object({ number: z.string().max(20) });

  async function visibleTicketId(actor: Actor, raw: string): Promise<string> {
    if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
    return (await visibleTicket(db, actor, raw)).id;
  }

  app.post(
    "/api/v1/tickets/:number/comments",
    {
      schema: {
        tags: ["tickets"],
        summary: "Add a public comment, or (agents) a private comment or an internal note",
        params,
        body: commentInputSchema,
        response: { 201: z.object({ id: z.string() }), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to comment.");
      const number = parseNumber(request.params.number);
      if (number === undefined) throw notFound("That ticket");
      const { actor, body } = request;
      await enforceCustomerLimit(deps.db, "comment", request, { enabled: deps.config.rateLimiting });
      const added = await withUploads(deps, actor, body.attachments, uploadTempDir(deps.config), (files) =>
        addComment(deps, actor, number, body, files),
      );
      return reply.status(201).send(added);
    },
  );

  app.post(
    "/api/v1/tickets/:number/comments/with-attachments",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Add a comment with files: multipart/form-data with a `comment` part (the JSON of POST /api/v1/tickets/:number/comments) and up to 10 `attachments` of at most 10 MB each",
        params,
        consumes: ["multipart/form-data"],
        response: { 201: z.object({ id: z.string() }), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to comment.");
      const number = parseNumber(request.params.number);
      if (number === undefined) throw notFound("That ticket");
      // Refuse before reading any file when the ticket is out of reach or the comment is not theirs to write.
      await checkTicketAction(deps.db, request.actor, number, "reply");
      await enforceCustomerLimit(deps.db, "comment", request, { enabled: deps.config.rateLimiting });
      const { json, files } = await receiveMultipart(
        request,
        "comment",
        uploadTempDir(deps.config),
        defaultUploadLimits,
      );
      try {
        const comment = parseJsonPart(commentInputSchema, json, "comment");
        const actor = request.actor;
        const added = await withUploads(deps, actor, comment.attachments, uploadTempDir(deps.config), (uploaded) =>
          addComment(deps, actor, number, comment, [...files, ...uploaded]),
        );
        return reply.status(201).send(added);
      } finally {
        await discardUploads(files);
      }
    },
  );

  app.get(
    "/api/v1/tickets/:number/feed",
    {
      schema: {
        tags: ["tickets"],
        summary: "The ticket's history, oldest first: what was asked, comments, notes (agents) and status changes",
        params,
        response: { 200: feedSchema, ...refusals, 503: errorResponseSchema },
      },
    },
    async (request) => {
      const ticketId = await visibleTicketId(request.actor, request.params.number);
      const audience = seesInternal(request.actor) ? "agent" : "customer";
      // Custom fields named in edits and withdraw reasons read in everyone's language; status labels too for
      // customers (agents read the agent labels).
      const kinds =
        audience === "customer"
          ? (["status", "ticket-field", "withdraw-reason"] as const)
          : (["ticket-field", "withdraw-reason"] as const);
      const text = await contentTextFor(db, request, kinds);
      // The feed of a long ticket is the biggest read of the ticket page: on the reader, within the budget.
      return { entries: await listFeed(reader, ticketId, audience, namedTicketsScope(request.actor), text) };
    },
  );

  app.post(
    "/api/v1/tickets/:number/views",
    {
      schema: {
        tags: ["tickets"],
        summary: "Record that the caller opened the ticket (for Read By)",
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await recordView(deps, request.actor, await visibleTicketId(request.actor, request.params.number));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/tickets/:number/read-by",
    {
      schema: {
        tags: ["tickets"],
        summary: "Who opened the ticket, and when last",
        params,
        response: { 200: readBySchema, ...refusals },
      },
    },
    async (request) => ({ readers: await listReadBy(db, await visibleTicketId(request.actor, request.params.number)) }),
  );
}
