/** Admins give admin-entered text per language: one pair of routes for every translatable kind (issue 20). */
import { z } from "zod";
import {
  type TranslatableKind,
  translationParamsSchema,
  translationsResponseSchema,
  translationsSchema,
} from "../../common/content-translations.ts";
import type { Permission } from "../../common/permissions.ts";
import { requirePermission } from "../core/permissions.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { listTranslations, setTranslations } from "./content-translations.ts";

/**
 * Who translates each kind: the same permission as the pages that edit its default text. Help Centre
 * categories are the knowledge base editors'; the rest are the administrators' settings.
 */
const permissionToTranslate = {
  category: "admin.settings",
  service: "admin.settings",
  "ticket-type": "admin.settings",
  "ticket-field": "admin.settings",
  status: "admin.settings",
  "withdraw-reason": "admin.settings",
  "satisfaction-reason": "admin.settings",
  "kb-category": "kb.edit",
} as const satisfies Record<TranslatableKind, Permission>;

export function registerContentTranslationRoutes(app: App, { db }: Deps): void {
  const path = "/api/v1/admin/translations/:kind/:id";

  app.get(
    path,
    {
      schema: {
        tags: ["admin"],
        summary:
          "The translations of one service, category, ticket type, field, status, withdraw reason or Help Centre category",
        params: translationParamsSchema,
        response: { 200: translationsResponseSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, permissionToTranslate[request.params.kind]);
      return listTranslations(db, request.params.kind, request.params.id);
    },
  );

  app.put(
    path,
    {
      schema: {
        tags: ["admin"],
        summary: "Replace the translations of one entity: per language, per field, the text (empty: use the default)",
        params: translationParamsSchema,
        body: translationsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, permissionToTranslate[request.params.kind]);
      await setTranslations(db, request.params.kind, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
