import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import { type AdminCollection, adminCollectionPath } from "../../common/admin-collections.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import type { UserActor } from "../core/actor.ts";
import { requirePermission } from "../core/permissions.ts";
import type { App } from "./types.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** What the server does for a described collection: one query and three commands, each one use-case. */
export type AdminCollectionHandlers<List, Input extends z.ZodType> = {
  load: () => Promise<List>;
  /** `actor`: the admin making the change, for commands whose rule depends on who they are (roles). */
  create: (input: z.output<Input>, actor: UserActor) => Promise<string>;
  /** Throws `not_found` for an id that is not in the collection. */
  update: (id: string, input: z.output<Input>, actor: UserActor) => Promise<void>;
  remove: (id: string) => Promise<void>;
};

/**
 * The four routes of an admin-managed collection described in `common/admin-collections.ts`: list, create,
 * replace, delete, documented with the description's summaries. Every one checks the description's
 * permission before anything else; the handlers do the rest.
 */
export function registerAdminCollection<List, Input extends z.ZodType, Item extends { id: string }>(
  app: App,
  collection: AdminCollection<List, Input, Item>,
  handlers: AdminCollectionHandlers<List, Input>,
): void {
  const tags = ["admin"];
  const path = adminCollectionPath(collection);
  const { permission, summaries, input } = collection;
  // Widened for Fastify's typing of a generic response schema; the schema still checks the answer on the way out.
  const listSchema: z.ZodType = collection.list;
  const load: () => Promise<unknown> = handlers.load;
  app.get(
    path,
    { schema: { tags, summary: summaries.list, response: { 200: listSchema, ...errors } } },
    async (request) => {
      requirePermission(request.actor, permission);
      return load();
    },
  );
  app.post(
    path,
    {
      schema: {
        tags,
        summary: summaries.create,
        body: input,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request.actor, permission);
      // Fastify already validated the body; parsing again hands the command its typed value without a cast.
      return reply.status(201).send({ id: await handlers.create(input.parse(request.body), actor) });
    },
  );
  app.put(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: summaries.update,
        params: idParamsSchema,
        body: input,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request.actor, permission);
      await handlers.update(request.params.id, input.parse(request.body), actor);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    `${path}/:id`,
    { schema: { tags, summary: summaries.remove, params: idParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      requirePermission(request.actor, permission);
      await handlers.remove(request.params.id);
      return reply.status(204).send(null);
    },
  );
}
