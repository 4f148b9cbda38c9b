import { adminUserSchema, idParamsSchema } from "../../../common/admin.ts";
import {
  customerLookupQuerySchema,
  customerLookupSchema,
  organizationDetailSchema,
  organizationMembersSchema,
} from "../../../common/lookups.ts";
import { notFound } from "../../core/errors.ts";
import { requirePermission } from "../../core/permissions.ts";
import { refusals } from "../../http/refusals.ts";
import type { App, Deps } from "../../http/types.ts";
import { findAdminUser } from "../admin-queries.ts";
import { findOrganization, findPersonByEmail, listOrganizationMembers } from "../lookups.ts";

/** Single records integrators ask for: a user, an organization and its members, a customer by email. */
export function registerLookupRoutes(app: App, { db }: Deps): void {
  app.get(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "One user, with their roles, organizations and groups",
        params: idParamsSchema,
        response: { 200: adminUserSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.users");
      const user = await findAdminUser(db, request.params.id);
      if (!user) throw notFound("That user");
      return user;
    },
  );

  app.get(
    "/api/v1/admin/organizations/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "One organization, with its member count and departments",
        params: idParamsSchema,
        response: { 200: organizationDetailSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.organizations");
      const organization = await findOrganization(db, request.params.id);
      if (!organization) throw notFound("That organization");
      return organization;
    },
  );

  app.get(
    "/api/v1/admin/organizations/:id/members",
    {
      schema: {
        tags: ["admin"],
        summary: "The people in an organization, by name",
        params: idParamsSchema,
        response: { 200: organizationMembersSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.organizations");
      const members = await listOrganizationMembers(db, request.params.id);
      if (!members) throw notFound("That organization");
      return { members };
    },
  );

  app.get(
    "/api/v1/agent/customers/by-email",
    {
      schema: {
        tags: ["agent"],
        summary: "The person with an account at exactly this email address (agents), with their organizations",
        querystring: customerLookupQuerySchema,
        response: { 200: customerLookupSchema, ...refusals },
      },
    },
    async (request) => {
      requirePermission(request.actor, "tickets.work");
      const person = await findPersonByEmail(db, request.query.email);
      if (!person) throw notFound("Nobody with that email address");
      return person;
    },
  );
}
