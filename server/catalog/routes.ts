import { z } from "zod";
import { catalogQuerySchema, catalogSchema, categoryListSchema, serviceDetailSchema } from "../../common/catalog.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { contentTextFor } from "../i18n/content-text.ts";
import { serviceScope } from "./policy.ts";
import { findService, listCatalog, listCategories } from "./queries.ts";

export function registerCatalogRoutes(app: App, { db }: Deps): void {
  // Categories are public: the general request form needs them before anyone signs in.
  app.get(
    "/api/v1/categories",
    { schema: { tags: ["catalog"], summary: "Request categories", response: { 200: categoryListSchema } } },
    async (request) => {
      const [categories, text] = await Promise.all([listCategories(db), contentTextFor(db, request, ["category"])]);
      return { categories: categories.map((c) => text.overlay("category", c)) };
    },
  );

  app.get(
    "/api/v1/catalog",
    {
      schema: {
        tags: ["catalog"],
        summary: "The services the caller may request, with the categories, optionally searched",
        querystring: catalogQuerySchema,
        response: { 200: catalogSchema, 400: errorResponseSchema },
      },
    },
    async (request) => {
      // Searched in the default text: what admins typed; the answer reads in the visitor's language.
      const [catalog, text] = await Promise.all([
        listCatalog(db, serviceScope(request.actor), request.query.q),
        contentTextFor(db, request, ["category", "service"]),
      ]);
      return {
        categories: catalog.categories.map((c) => text.overlay("category", c)),
        services: catalog.services.map((s) => text.overlay("service", s)),
      };
    },
  );

  app.get(
    "/api/v1/catalog/services/:slug",
    {
      schema: {
        tags: ["catalog"],
        summary: "One service and its request form",
        params: z.object({ slug: z.string().max(80) }),
        response: { 200: serviceDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const [service, text] = await Promise.all([
        findService(db, serviceScope(request.actor), { slug: request.params.slug }),
        contentTextFor(db, request, ["service", "ticket-type", "ticket-field"]),
      ]);
      if (!service) throw notFound("That service");
      const { allFields: _all, groupId: _group, ...detail } = service;
      return {
        ...text.overlay("service", detail),
        ticketType: text.overlay("ticket-type", detail.ticketType),
        // Choice fields keep their values (what the form sends back) and get labels in the reader's language.
        fields: detail.fields.map((f) => text.field(f)),
      };
    },
  );
}
