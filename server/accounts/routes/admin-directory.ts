import { z } from "zod";
import {
  groupInputSchema,
  groupListSchema,
  idParamsSchema,
  organizationInputSchema,
  organizationListSchema,
  roleInputSchema,
  roleListSchema,
} from "../../../common/admin.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import { permissions } from "../../../common/permissions.ts";
import type { App, Deps } from "../../http/types.ts";
import { requirePermission } from "../admin-policy.ts";
import { listGroups, listOrganizations, listRoles } from "../admin-queries.ts";
import {
  createGroup,
  createOrganization,
  createRole,
  deleteGroup,
  deleteOrganization,
  deleteRole,
  updateGroup,
  updateOrganization,
  updateRole,
} from "../commands/manage-directory.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const created = z.object({ id: z.string() });
const permissionList = Object.entries(permissions).map(([name, description]) => ({ name, description }));

/** Roles, organizations and groups share one shape: list, create, change, remove. */
export function registerAdminDirectoryRoutes(app: App, { db }: Deps): void {
  app.get(
    "/api/v1/admin/roles",
    {
      schema: {
        tags: ["admin"],
        summary: "Roles and the permissions they can grant",
        response: { 200: roleListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.roles");
      return { roles: await listRoles(db), permissions: permissionList };
    },
  );
  app.post(
    "/api/v1/admin/roles",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a role",
        body: roleInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.roles");
      return reply.status(201).send({ id: await createRole(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/roles/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Rename a role or change its permissions",
        params: idParamsSchema,
        body: roleInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.roles");
      await updateRole(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/roles/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Delete a role (not a built-in one)",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.roles");
      await deleteRole(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "Organizations (accounts) and their departments",
        response: { 200: organizationListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.organizations");
      return { organizations: await listOrganizations(db) };
    },
  );
  app.post(
    "/api/v1/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "Create an account, or a department under one",
        body: organizationInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.organizations");
      return reply.status(201).send({ id: await createOrganization(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/organizations/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Rename or move an organization",
        params: idParamsSchema,
        body: organizationInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.organizations");
      await updateOrganization(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/organizations/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Delete an organization without departments",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.organizations");
      await deleteOrganization(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/groups",
    { schema: { tags: ["admin"], summary: "Agent groups", response: { 200: groupListSchema, ...errors } } },
    async (request) => {
      requirePermission(request.actor, "admin.groups");
      return { groups: await listGroups(db) };
    },
  );
  app.post(
    "/api/v1/admin/groups",
    {
      schema: {
        tags: ["admin"],
        summary: "Create an agent group",
        body: groupInputSchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.groups");
      return reply.status(201).send({ id: await createGroup(db, request.body) });
    },
  );
  app.put(
    "/api/v1/admin/groups/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Rename a group",
        params: idParamsSchema,
        body: groupInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.groups");
      await updateGroup(db, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/v1/admin/groups/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Delete a group",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.groups");
      await deleteGroup(db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
