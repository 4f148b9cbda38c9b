import { z } from "zod";
import { idParamsSchema } from "../../common/admin.ts";
import {
  adminServiceListSchema,
  categoryInputSchema,
  categoryListSchema,
  fieldInputSchema,
  serviceInputSchema,
  ticketTypeInputSchema,
  ticketTypeListSchema,
} from "../../common/catalog.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { requirePermission } from "../accounts/admin-policy.ts";
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

  app.get(
    "/api/v1/admin/categories",
    { schema: { ...tag, summary: "Catalog categories", response: { 200: categoryListSchema, ...errors } } },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { categories: await listCategories(db) };
    },
  );
  app.post(
    "/api/v1/admin/categories",
    {
      schema: {
        ...tag,
        summary: "Create a category",
        body: categoryInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      return reply.status(201).send({ id: await createCategory(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/categories/:id",
    {
      schema: {
        ...tag,
        summary: "Change a category",
        params: idParamsSchema,
        body: categoryInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await updateCategory(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/categories/:id",
    { schema: { ...tag, summary: "Delete a category no ticket uses", params: idParamsSchema, response: done } },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await deleteCategory(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/services",
    {
      schema: { ...tag, summary: "All services, active or not", response: { 200: adminServiceListSchema, ...errors } },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { services: await listAdminServices(db) };
    },
  );
  app.post(
    "/api/v1/admin/services",
    {
      schema: { ...tag, summary: "Create a service", body: serviceInputSchema, response: { 201: created, ...errors } },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      return reply.status(201).send({ id: await createService(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/services/:id",
    {
      schema: { ...tag, summary: "Change a service", params: idParamsSchema, body: serviceInputSchema, response: done },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await updateService(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/services/:id",
    { schema: { ...tag, summary: "Delete a service no ticket came through", params: idParamsSchema, response: done } },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await deleteService(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/ticket-types",
    {
      schema: { ...tag, summary: "Ticket types with their fields", response: { 200: ticketTypeListSchema, ...errors } },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { ticketTypes: await listTicketTypes(db) };
    },
  );
  app.post(
    "/api/v1/admin/ticket-types",
    {
      schema: {
        ...tag,
        summary: "Create a ticket type",
        body: ticketTypeInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      return reply.status(201).send({ id: await createTicketType(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/ticket-types/:id",
    {
      schema: {
        ...tag,
        summary: "Rename a ticket type",
        params: idParamsSchema,
        body: ticketTypeInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await updateTicketType(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/ticket-types/:id",
    { schema: { ...tag, summary: "Delete an unused ticket type", params: idParamsSchema, response: done } },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await deleteTicketType(db, request.params.id);
      return reply.status(204).send(null);
    },
  );
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
