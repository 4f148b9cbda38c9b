/** Admins give admin-entered text per language: one pair of routes for every translatable kind (issue 20). */
import { z } from "zod";
import {
  translationParamsSchema,
  translationsResponseSchema,
  translationsSchema,
} from "../../common/content-translations.ts";
import { requirePermission } from "../core/permissions.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { listTranslations, setTranslations } from "./content-translations.ts";

export function registerContentTranslationRoutes(app: App, { db }: Deps): void {
  const path = "/api/v1/admin/translations/:kind/:id";

  app.get(
    path,
    {
      schema: {
        tags: ["admin"],
        summary: "The translations of one service, category, ticket type, field, status or withdraw reason",
        params: translationParamsSchema,
        response: { 200: translationsResponseSchema, ...refusals },
      },
    },
    async (request) => {
      // The same permission as the admin pages that edit these entities' default text.
      requirePermission(request.actor, "admin.settings");
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
      requirePermission(request.actor, "admin.settings");
      await setTranslations(db, request.params.kind, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
