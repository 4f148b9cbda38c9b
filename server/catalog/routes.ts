import { z } from "zod";
import { catalogQuerySchema, catalogSchema, categoryListSchema, serviceDetailSchema } from "../../common/catalog.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { serviceScope } from "./policy.ts";
import { findService, listCatalog, listCategories } from "./queries.ts";

export function registerCatalogRoutes(app: App, { db }: Deps): void {
  // Categories are public: the general request form needs them before anyone signs in.
  app.get(
    "/api/v1/categories",
    { schema: { tags: ["catalog"], summary: "Request categories", response: { 200: categoryListSchema } } },
    async () => ({ categories: await listCategories(db) }),
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
    async (request) => listCatalog(db, serviceScope(request.actor), request.query.q),
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
      const service = await findService(db, serviceScope(request.actor), { slug: request.params.slug });
      if (!service) throw notFound("That service");
      const { allFields: _all, groupId: _group, ...detail } = service;
      return detail;
    },
  );
}
