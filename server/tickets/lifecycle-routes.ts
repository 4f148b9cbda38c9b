import { z } from "zod";
import {
  ccSchema,
  followUpSchema,
  solveSchema,
  statusChangeSchema,
  withdrawReasonListSchema,
  withdrawSchema,
} from "../../common/conversation.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  customerStatusListSchema,
  forCustomer,
  statusListSchema,
  ticketSubmittedSchema,
} from "../../common/tickets.ts";
import { type Actor, audienceOf } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { contentTextFor } from "../i18n/content-text.ts";
import { addCc, changeStatus, createFollowUp, markSolved, removeCc, withdraw } from "./commands/lifecycle-actions.ts";
import { listStatuses } from "./queries.ts";
import { listWithdrawReasons, parseNumber } from "./visible-ticket.ts";

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
      const [rows, text] = await Promise.all([listStatuses(deps.db), contentTextFor(deps.db, request, ["status"])]);
      const statuses = rows.map(({ id, agentLabel, customerLabel, category }) =>
        text.overlay("status", { id, agentLabel, customerLabel, category }),
      );
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
    async (request) => {
      const [reasons, text] = await Promise.all([
        listWithdrawReasons(deps.db),
        contentTextFor(deps.db, request, ["withdraw-reason"]),
      ]);
      return { reasons: reasons.map((r) => text.overlay("withdraw-reason", r)) };
    },
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
