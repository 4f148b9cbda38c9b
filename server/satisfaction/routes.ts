import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { satisfactionReasonsCollection } from "../../common/admin-collections.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  satisfactionInputSchema,
  satisfactionSettingsSchema,
  surveySchema,
  ticketSatisfactionSchema,
} from "../../common/satisfaction.ts";
import { enforceLimit } from "../accounts/rate-limit.ts";
import { hashToken } from "../accounts/tokens.ts";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import { now } from "../db/engine.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { contentTextFor } from "../i18n/content-text.ts";
import { ticketNumber } from "../tickets/visible-ticket.ts";
import { rateByLink, rateFromTicket, surveyByLink, ticketSatisfaction } from "./commands.ts";
import {
  createSatisfactionReason,
  deleteSatisfactionReason,
  listSatisfactionReasons,
  updateSatisfactionReason,
} from "./reasons.ts";
import { loadSatisfactionSettings, saveSatisfactionSettings } from "./settings.ts";

/**
 * Satisfaction surveys: the survey link's page (no sign-in: the link is the requester's proof, rate-limited
 * and with one answer for every link that does not work), rating from the ticket page, and the admin's
 * settings and reasons.
 */
export function registerSatisfactionRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;
  const tokenParams = z.object({ token: z.string().max(200) });
  const numberParams = z.object({ number: z.string().max(20) });
  const tags = ["satisfaction"];
  // The reasons for a Bad rating in the reader's language (an admin's translations; the default text otherwise).
  const inReadersWords = async <T extends { reasons: { id: string; label: string }[] }>(
    request: FastifyRequest,
    survey: T,
  ): Promise<T> => {
    const text = await contentTextFor(db, request, ["satisfaction-reason"]);
    return { ...survey, reasons: survey.reasons.map((reason) => text.overlay("satisfaction-reason", reason)) };
  };
  // Like every ticket route: a visitor is asked to sign in (or use their link) before any ticket is looked up.
  const numberFor = (actor: Actor, raw: string) => {
    if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in, or use the link from your email.");
    return ticketNumber(raw);
  };
  // Per client and per link, so neither guessing links nor hammering one works.
  const limit = (ip: string, token: string) =>
    enforceLimit(db, "satisfaction", { ip, target: hashToken(token) }, { enabled: config.rateLimiting });

  app.get(
    "/api/v1/satisfaction/:token",
    {
      schema: {
        tags,
        summary: "The survey behind a rating link: the ticket's number and subject, the answer so far, the reasons",
        params: tokenParams,
        response: { 200: surveySchema, ...refusals },
      },
    },
    async (request) => {
      await limit(request.ip, request.params.token);
      return inReadersWords(request, await surveyByLink(deps, request.params.token));
    },
  );

  app.post(
    "/api/v1/satisfaction/:token",
    {
      schema: {
        tags,
        summary: "Rate the support through the survey link (Good or Bad, an optional comment and reason)",
        params: tokenParams,
        body: satisfactionInputSchema,
        response: { 204: z.null(), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await limit(request.ip, request.params.token);
      await rateByLink(deps, request.params.token, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/tickets/:number/satisfaction",
    {
      schema: {
        tags,
        summary: "The ticket's satisfaction rating (agents and the requester) and whether the caller may rate now",
        params: numberParams,
        response: { 200: ticketSatisfactionSchema, ...refusals },
      },
    },
    async (request) =>
      inReadersWords(
        request,
        await ticketSatisfaction(deps, request.actor, numberFor(request.actor, request.params.number)),
      ),
  );

  app.post(
    "/api/v1/tickets/:number/satisfaction",
    {
      schema: {
        tags,
        summary: "The requester rates the support on their solved ticket (or changes the rating until it closes)",
        params: numberParams,
        body: satisfactionInputSchema,
        response: { 204: z.null(), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await rateFromTicket(deps, request.actor, numberFor(request.actor, request.params.number), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/satisfaction-settings",
    {
      schema: {
        tags: ["admin"],
        summary: "Satisfaction survey settings: on or off, the delay after solving, excluded groups and services",
        response: { 200: satisfactionSettingsSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return loadSatisfactionSettings(db);
    },
  );

  app.put(
    "/api/v1/admin/satisfaction-settings",
    {
      schema: {
        tags: ["admin"],
        summary: "Change the satisfaction survey settings",
        body: satisfactionSettingsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await saveSatisfactionSettings(db, request.body, now());
      return reply.status(204).send(null);
    },
  );

  registerAdminCollection(app, satisfactionReasonsCollection, {
    load: async () => ({ reasons: await listSatisfactionReasons(db) }),
    create: (input) => createSatisfactionReason(db, input),
    update: (id, input) => updateSatisfactionReason(db, id, input),
    remove: (id) => deleteSatisfactionReason(db, id),
  });
}
