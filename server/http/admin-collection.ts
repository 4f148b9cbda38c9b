import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import type { Permission } from "../../common/permissions.ts";
import { requirePermission } from "../core/permissions.ts";
import type { App } from "./types.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

export type AdminCollection<Input extends z.ZodType> = {
  /** e.g. /api/v1/admin/groups; items live at `${path}/:id`. */
  path: string;
  permission: Permission;
  summaries: { list: string; create: string; update: string; remove: string };
  /** The list's response schema checks what `load` returns on the way out. */
  list: { schema: z.ZodType; load: () => Promise<unknown> };
  input: Input;
  create: (input: z.output<Input>) => Promise<string>;
  update: (id: string, input: z.output<Input>) => Promise<void>;
  remove: (id: string) => Promise<void>;
};

/**
 * The four routes of a small admin-managed collection (roles, groups,
 * categories…): list, create, replace, delete. Every one checks the
 * collection's permission before anything else; commands do the rest.
 */
export function registerAdminCollection<Input extends z.ZodType>(app: App, c: AdminCollection<Input>): void {
  const tags = ["admin"];
  app.get(
    c.path,
    { schema: { tags, summary: c.summaries.list, response: { 200: c.list.schema, ...errors } } },
    async (request) => {
      requirePermission(request.actor, c.permission);
      return c.list.load();
    },
  );
  app.post(
    c.path,
    {
      schema: {
        tags,
        summary: c.summaries.create,
        body: c.input,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, c.permission);
      // Fastify already validated the body; parsing again hands the command its typed value without a cast.
      return reply.status(201).send({ id: await c.create(c.input.parse(request.body)) });
    },
  );
  app.put(
    `${c.path}/:id`,
    {
      schema: {
        tags,
        summary: c.summaries.update,
        params: idParamsSchema,
        body: c.input,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, c.permission);
      await c.update(request.params.id, c.input.parse(request.body));
      return reply.status(204).send(null);
    },
  );
  app.delete(
    `${c.path}/:id`,
    { schema: { tags, summary: c.summaries.remove, params: idParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      requirePermission(request.actor, c.permission);
      await c.remove(request.params.id);
      return reply.status(204).send(null);
    },
  );
}
