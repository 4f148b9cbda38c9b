import { z } from "zod";
import {
  apiTokenCreatedSchema,
  apiTokenInputSchema,
  apiTokenListSchema,
  idParamsSchema,
} from "../../../common/admin.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import { notFound } from "../../core/errors.ts";
import { requirePermission } from "../../core/permissions.ts";
import type { App, Deps } from "../../http/types.ts";
import { listApiTokens } from "../admin-queries.ts";
import { createApiToken, revokeApiToken } from "../commands/manage-api-tokens.ts";
import { requireHoldsPermissionsOf } from "../permissions.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

export function registerAdminApiTokenRoutes(app: App, { db }: Deps): void {
  app.get(
    "/api/v1/admin/api-tokens",
    {
      schema: {
        tags: ["admin"],
        summary: "API tokens for integrations",
        response: { 200: apiTokenListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.api_tokens");
      return { tokens: await listApiTokens(db) };
    },
  );
  app.post(
    "/api/v1/admin/api-tokens",
    {
      schema: {
        tags: ["admin"],
        summary: "Create an API token acting as a user; the token is shown only in this answer",
        body: apiTokenInputSchema,
        response: { 201: apiTokenCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const maker = requirePermission(request.actor, "admin.api_tokens");
      await requireHoldsPermissionsOf(db, maker, request.body.userId);
      const { id, token } = await createApiToken(db, request.body);
      const created = (await listApiTokens(db)).find((t) => t.id === id);
      if (!created) throw notFound("That token");
      return reply.status(201).send({ ...created, token });
    },
  );
  app.delete(
    "/api/v1/admin/api-tokens/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Revoke an API token",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.api_tokens");
      await revokeApiToken(db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
