import { z } from "zod";
import {
  ccSchema,
  commentInputSchema,
  feedSchema,
  followUpSchema,
  readBySchema,
  solveSchema,
  statusChangeSchema,
  withdrawReasonListSchema,
  withdrawSchema,
} from "../../common/conversation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  customerStatusListSchema,
  customerTicketDetailSchema,
  customerTicketPageSchema,
  forCustomer,
  statusListSchema,
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketPageSchema,
  ticketSubmissionSchema,
  ticketSubmittedSchema,
} from "../../common/tickets.ts";
import { enforceLimit } from "../accounts/rate-limit.ts";
import { type Actor, isStaff } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { contentDisposition } from "./attachments/file-names.ts";
import { defaultUploadLimits, discardUploads, receiveMultipart, type UploadedFile } from "./attachments/uploads.ts";
import { addComment } from "./commands/add-comment.ts";
import { addCc, changeStatus, createFollowUp, markSolved, removeCc, withdraw } from "./commands/lifecycle-actions.ts";
import { attachmentStorage, submitTicket, uploadTempDir } from "./commands/submit-ticket.ts";
import { listFeed, listReadBy, recordView } from "./conversation.ts";
import { canSubmitTicket, namedTicketsScope, seesInternal, ticketScope } from "./policy.ts";
import { abilitiesOn, findAttachment, findTicketByNumber, listStatuses, listTickets } from "./queries.ts";
import { checkTicketAction, listWithdrawReasons, parseNumber, visibleTicket } from "./visible-ticket.ts";

export const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  413: errorResponseSchema,
  429: errorResponseSchema,
};

const audienceOf = (actor: Actor) => (isStaff(actor) ? "agent" : "customer");

export { parseNumber };

export function registerTicketRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;

  async function submit(actor: Actor, ip: string, body: z.infer<typeof ticketSubmissionSchema>, files: UploadedFile[]) {
    if (!canSubmitTicket(actor)) throw new AppError("forbidden", "Your account may not submit requests.");
    if (actor.kind !== "user") {
      await enforceLimit(db, "submitTicket", { ip, target: body.email }, { enabled: config.rateLimiting });
    }
    return submitTicket(deps, actor, body, files);
  }

  app.post(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "Submit a request (JSON; use /api/v1/tickets/with-attachments to attach files)",
        body: ticketSubmissionSchema,
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => reply.status(201).send(await submit(request.actor, request.ip, request.body, [])),
  );

  app.post(
    "/api/v1/tickets/with-attachments",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Submit a request with files: multipart/form-data with a `submission` part (the JSON of POST /api/v1/tickets) and up to 10 `attachments` of at most 10 MB each",
        consumes: ["multipart/form-data"],
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { json, files } = await receiveMultipart(request, "submission", uploadTempDir(config), defaultUploadLimits);
      try {
        const submission = parseJsonPart(ticketSubmissionSchema, json, "submission");
        return reply.status(201).send(await submit(request.actor, request.ip, submission, files));
      } finally {
        // Files already moved into storage are gone from the temporary folder; this clears the rest.
        await discardUploads(files);
      }
    },
  );

  app.get(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "List tickets, newest first",
        querystring: ticketListQuerySchema,
        // Agents get both status labels; customers the customer label only.
        response: { 200: z.union([ticketPageSchema, customerTicketPageSchema]), ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see tickets.");
      const { view, ...page } = request.query;
      const found = await listTickets(db, ticketScope(request.actor, view), page);
      return audienceOf(request.actor) === "agent" ? found : { ...found, tickets: found.tickets.map(forCustomer) };
    },
  );

  app.get(
    "/api/v1/tickets/:number",
    {
      schema: {
        tags: ["tickets"],
        summary: "One ticket by its number, with the custom fields and attachments the caller may see",
        params: z.object({ number: z.string().max(20) }),
        response: { 200: z.union([ticketDetailSchema, customerTicketDetailSchema]), ...refusals },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
      const number = parseNumber(request.params.number);
      const audience = audienceOf(request.actor);
      const ticket =
        number === undefined ? undefined : await findTicketByNumber(db, ticketScope(request.actor), number, audience);
      if (!ticket) throw notFound("That ticket");
      const withAbilities = { ...ticket, abilities: await abilitiesOn(db, request.actor, ticket.id) };
      return audience === "agent" ? withAbilities : forCustomer(withAbilities);
    },
  );

  app.get(
    "/api/v1/attachments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Download an attachment (always as a download, never shown inline)",
        params: z.object({ id: z.uuid() }),
        // No response schema: the 200 answer is the file's bytes; refusals use the usual error body.
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to download attachments.");
      const attachment = await findAttachment(
        db,
        ticketScope(request.actor),
        request.params.id,
        audienceOf(request.actor),
      );
      if (!attachment) throw notFound("That attachment");
      return reply
        .header("content-type", "application/octet-stream")
        .header("content-disposition", contentDisposition(attachment.file_name))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .header("content-length", String(attachment.size))
        .send(attachmentStorage(config).open(attachment.storage_key));
    },
  );
}

/** The JSON part of a multipart request, checked like the JSON body of its sibling route. */
function parseJsonPart<T extends z.ZodType>(schema: T, json: unknown, part: string): z.output<T> {
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || part, i.message]));
    throw new AppError("validation_failed", "Some fields need attention.", fields);
  }
  return parsed.data;
}

/** The conversation on a ticket: comments and notes, the Feed, and Read By. */
export function registerConversationRoutes(app: App, deps: Deps): void {
  const { db } = deps;
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
      return reply.status(201).send(await addComment(deps, request.actor, number, request.body));
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
      const { json, files } = await receiveMultipart(
        request,
        "comment",
        uploadTempDir(deps.config),
        defaultUploadLimits,
      );
      try {
        const comment = parseJsonPart(commentInputSchema, json, "comment");
        return reply.status(201).send(await addComment(deps, request.actor, number, comment, files));
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
        response: { 200: feedSchema, ...refusals },
      },
    },
    async (request) => {
      const ticketId = await visibleTicketId(request.actor, request.params.number);
      const audience = seesInternal(request.actor) ? "agent" : "customer";
      return { entries: await listFeed(db, ticketId, audience, namedTicketsScope(request.actor)) };
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

/** Moving a ticket through its life: agents' status changes, and the requester's solve, withdraw, CCs and follow-ups. */
export function registerLifecycleRoutes(app: App, deps: Deps): void {
  const params = z.object({ number: z.string().max(20) });
  const done = { 204: z.null(), ...refusals, 409: errorResponseSchema };
  const ticketNumber = (actor: Actor, raw: string): number => {
    if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in, or use the link from your email.");
    const number = parseNumber(raw);
    if (number === undefined) throw notFound("That ticket");
    return number;
  };

  app.get(
    "/api/v1/statuses",
    {
      schema: {
        tags: ["tickets"],
        summary: "The statuses in order: agents get both labels, everyone else the customer label",
        response: { 200: z.union([statusListSchema, customerStatusListSchema]) },
      },
    },
    async (request) => {
      const statuses = (await listStatuses(deps.db)).map(({ id, agentLabel, customerLabel, category }) => ({
        id,
        agentLabel,
        customerLabel,
        category,
      }));
      return {
        statuses:
          audienceOf(request.actor) === "agent" ? statuses : statuses.map((s) => forCustomer({ status: s }).status),
      };
    },
  );

  app.get(
    "/api/v1/withdraw-reasons",
    {
      schema: {
        tags: ["tickets"],
        summary: "Reasons a requester can give for withdrawing",
        response: { 200: withdrawReasonListSchema },
      },
    },
    async () => ({
      reasons: await listWithdrawReasons(deps.db),
    }),
  );

  app.post(
    "/api/v1/tickets/:number/status",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: change the status (with an optional comment first)",
        params,
        body: statusChangeSchema,
        response: done,
      },
    },
    async (request, reply) => {
      const number = ticketNumber(request.actor, request.params.number);
      await changeStatus(deps, request.actor, number, request.body.statusId, request.body.comment);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/solve",
    {
      schema: {
        tags: ["tickets"],
        summary: "Requester: mark as solved (with an optional comment)",
        params,
        body: solveSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await markSolved(deps, request.actor, ticketNumber(request.actor, request.params.number), request.body.comment);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/withdraw",
    {
      schema: {
        tags: ["tickets"],
        summary: "Requester: withdraw with a reason (and an optional comment)",
        params,
        body: withdrawSchema,
        response: done,
      },
    },
    async (request, reply) => {
      const number = ticketNumber(request.actor, request.params.number);
      await withdraw(deps, request.actor, number, request.body.reasonId, request.body.comment);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/ccs",
    { schema: { tags: ["tickets"], summary: "Copy someone on the ticket", params, body: ccSchema, response: done } },
    async (request, reply) => {
      await addCc(deps, request.actor, ticketNumber(request.actor, request.params.number), request.body.email);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/ccs/:email",
    {
      schema: {
        tags: ["tickets"],
        summary: "Stop copying someone on the ticket",
        params: params.extend({ email: z.string().max(254) }),
        response: done,
      },
    },
    async (request, reply) => {
      await removeCc(deps, request.actor, ticketNumber(request.actor, request.params.number), request.params.email);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/follow-ups",
    {
      schema: {
        tags: ["tickets"],
        summary: "Open a follow-up to a closed ticket (or a solved one past the reopen window)",
        params,
        body: followUpSchema,
        response: { 201: ticketSubmittedSchema, ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const number = ticketNumber(request.actor, request.params.number);
      return reply.status(201).send(await createFollowUp(deps, request.actor, number, request.body));
    },
  );
}
