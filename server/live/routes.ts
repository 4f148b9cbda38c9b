import type { FastifyReply } from "fastify";
import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import { liveQuerySchema, presenceInputSchema } from "../../common/live.ts";
import { type Actor, hasPermission } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { ticketScope } from "../tickets/policy.ts";
import { createLiveHub, type LiveHub, type LiveSubscriber, type LiveTiming } from "./hub.ts";
import { findVisibleTicket } from "./queries.ts";

const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

/** A comment line every so often keeps proxies and browsers from deciding the stream is dead. */
const keepAliveMs = 20_000;
/**
 * Streams end after a while and the browser reconnects on its own, passing
 * authentication again: a signed-out session or a withdrawn permission stops
 * receiving within this time.
 */
const streamLifetimeMs = 10 * 60_000;

function parseNumber(raw: string): number | undefined {
  const number = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  return number <= 2 ** 31 - 1 ? number : undefined;
}

export function registerLiveRoutes(app: App, deps: Deps, timing?: LiveTiming): LiveHub {
  const { db } = deps;
  const hub = createLiveHub(deps, app.log, timing);
  // Before the server waits for open connections: streams never end by themselves.
  app.addHook("preClose", async () => hub.close());

  async function visibleTicket(actor: Actor, raw: string) {
    const number = parseNumber(raw);
    const ticket = number === undefined ? undefined : await findVisibleTicket(db, ticketScope(actor), number);
    if (!ticket) throw notFound("That ticket");
    return { ticketId: ticket.id, number: ticket.number };
  }

  app.get(
    "/api/v1/live",
    {
      schema: {
        tags: ["live"],
        summary:
          "Server-sent events: `ticket` when a ticket you may see changes, and (agents, with ?ticket=N) `presence` of who else has it open",
        querystring: liveQuerySchema,
        produces: ["text/event-stream"],
        // The stream is written by hand (openStream), never serialized: this documents it.
        response: {
          200: z.string().describe("An event stream (text/event-stream) that stays open; the browser reconnects."),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to receive live updates.");
      const watching = request.query.ticket === undefined ? null : await visibleTicket(actor, request.query.ticket);
      openStream(reply, hub, { actor, apiTokenId: request.apiTokenId }, watching);
      return reply;
    },
  );

  app.post(
    "/api/v1/tickets/:number/presence",
    {
      schema: {
        tags: ["live"],
        summary: "Agents: say you are viewing or typing on a ticket (repeat every 15 s), or that you left",
        params: z.object({ number: z.string().max(20) }),
        body: presenceInputSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in as an agent.");
      if (!hasPermission(actor, "tickets.work")) throw new AppError("forbidden", "Only agents share their presence.");
      const ticket = await visibleTicket(actor, request.params.number);
      await hub.touchPresence(ticket, { userId: actor.user.id, name: actor.user.name }, request.body.state);
      return reply.status(204).send(null);
    },
  );
  return hub;
}

/** Takes the connection over from Fastify and keeps it open as an event stream until either side ends it. */
function openStream(
  reply: FastifyReply,
  hub: LiveHub,
  { actor, apiTokenId }: Pick<LiveSubscriber, "actor" | "apiTokenId">,
  watching: LiveSubscriber["watching"],
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    // Reverse proxies (nginx) must pass events on as they come, not buffer them.
    "x-accel-buffering": "no",
  });
  res.write("retry: 3000\n\n");
  let ended = false;
  const subscriber: LiveSubscriber = {
    actor,
    apiTokenId,
    watching,
    send(event, data) {
      if (!ended) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      finish();
      res.end();
    },
  };
  const keepAlive = setInterval(() => res.write(": still here\n\n"), keepAliveMs);
  const lifetime = setTimeout(() => subscriber.end(), streamLifetimeMs);
  const unsubscribe = hub.subscribe(subscriber);
  function finish(): void {
    if (ended) return;
    ended = true;
    clearInterval(keepAlive);
    clearTimeout(lifetime);
    unsubscribe();
  }
  // The response closes when the browser goes away (or we end it); the request's own "close" comes too early.
  res.on("close", finish);
}
