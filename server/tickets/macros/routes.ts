import { z } from "zod";
import { idParamsSchema } from "../../../common/admin.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import {
  macroAppliedSchema,
  macroApplyParamsSchema,
  macroInputSchema,
  macroListSchema,
} from "../../../common/macros.ts";
import type { App, Deps } from "../../http/types.ts";
import { parseTicketNumber, requireWork } from "../work-access.ts";
import { applyMacro, createMacro, deleteMacro, updateMacro } from "./commands.ts";
import { requireMacroAccess } from "./policy.ts";
import { listMacros } from "./queries.ts";

const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Macros: shared ones (administrators manage them) and each agent's own. */
export function registerMacroRoutes(app: App, deps: Deps): void {
  app.get(
    "/api/v1/macros",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: the shared macros and my own",
        response: { 200: macroListSchema, ...refusals },
      },
    },
    async (request) => {
      requireMacroAccess(request.actor);
      return { macros: await listMacros(deps.db, request.actor) };
    },
  );

  app.post(
    "/api/v1/macros",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: add a macro of my own; administrators: a shared one",
        body: macroInputSchema,
        response: { 201: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      requireMacroAccess(request.actor);
      return reply.status(201).send({ id: await createMacro(deps, request.actor, request.body) });
    },
  );

  app.put(
    "/api/v1/macros/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Change a macro: my own, or (administrators) a shared one",
        params: idParamsSchema,
        body: macroInputSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requireMacroAccess(request.actor);
      await updateMacro(deps, request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/macros/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Delete a macro: my own, or (administrators) a shared one",
        params: idParamsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requireMacroAccess(request.actor);
      await deleteMacro(deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/tickets/:number/macros/:id/apply",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: set the macro's fields on the ticket and get its text, placeholders filled, to send",
        params: macroApplyParamsSchema,
        response: { 200: macroAppliedSchema, ...refusals },
      },
    },
    async (request) => {
      requireWork(request.actor);
      return applyMacro(deps, request.actor, parseTicketNumber(request.params.number), request.params.id);
    },
  );
}
