import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import { categoriesCollection, servicesCollection, ticketTypesCollection } from "../../common/admin-collections.ts";
import { fieldInputSchema } from "../../common/catalog.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import {
  createCategory,
  createField,
  createService,
  createTicketType,
  deleteCategory,
  deleteField,
  deleteService,
  deleteTicketType,
  updateCategory,
  updateField,
  updateService,
  updateTicketType,
} from "./commands/manage-catalog.ts";
import { listAdminServices, listCategories, listTicketTypes } from "./queries.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const created = z.object({ id: z.string() });
const done = { 204: z.null(), ...errors };

/** Admin pages for the catalog; every route needs `admin.settings`. */
export function registerCatalogAdminRoutes(app: App, { db }: Deps): void {
  const tag = { tags: ["admin"] };

  registerAdminCollection(app, categoriesCollection, {
    load: async () => ({ categories: await listCategories(db) }),
    create: (input) => createCategory(db, input),
    update: (id, input) => updateCategory(db, id, input),
    remove: (id) => deleteCategory(db, id),
  });

  registerAdminCollection(app, servicesCollection, {
    load: async () => ({ services: await listAdminServices(db) }),
    create: (input) => createService(db, input),
    update: (id, input) => updateService(db, id, input),
    remove: (id) => deleteService(db, id),
  });

  registerAdminCollection(app, ticketTypesCollection, {
    load: async () => ({ ticketTypes: await listTicketTypes(db) }),
    create: (input) => createTicketType(db, input),
    update: (id, input) => updateTicketType(db, id, input),
    remove: (id) => deleteTicketType(db, id),
  });

  // Fields belong to a ticket type: created under it, then changed and removed by their own id.
  app.post(
    "/api/v1/admin/ticket-types/:id/fields",
    {
      schema: {
        ...tag,
        summary: "Add a custom field to a ticket type",
        params: idParamsSchema,
        body: fieldInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      return reply.status(201).send({ id: await createField(db, request.params.id, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/ticket-fields/:id",
    {
      schema: {
        ...tag,
        summary: "Change a custom field",
        params: idParamsSchema,
        body: fieldInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await updateField(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/ticket-fields/:id",
    { schema: { ...tag, summary: "Delete a custom field without values", params: idParamsSchema, response: done } },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await deleteField(db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
