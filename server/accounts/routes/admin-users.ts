import {
  adminUserListQuerySchema,
  adminUserListSchema,
  adminUserSchema,
  idParamsSchema,
  inviteUserSchema,
  updateUserSchema,
} from "../../../common/admin.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import { notFound } from "../../core/errors.ts";
import { requirePermission } from "../../core/permissions.ts";
import type { App, Deps } from "../../http/types.ts";
import { findAdminUser, listUsers } from "../admin-queries.ts";
import { inviteUser } from "../commands/invite-user.ts";
import { updateUser } from "../commands/update-user.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

export function registerAdminUserRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    "/api/v1/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Users, newest first, with their roles, organizations and groups",
        querystring: adminUserListQuerySchema,
        response: { 200: adminUserListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.users");
      return listUsers(db, request.query);
    },
  );

  app.post(
    "/api/v1/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite a user: they receive a link to choose a password",
        body: inviteUserSchema,
        response: { 201: adminUserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const admin = requirePermission(request.actor, "admin.users");
      const user = await findAdminUser(db, await inviteUser(deps, admin, request.body));
      if (!user) throw notFound("That user");
      return reply.status(201).send(user);
    },
  );

  app.patch(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change a user's name, licence, roles, organizations, groups, or disable them",
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: adminUserSchema, ...errors },
      },
    },
    async (request) => {
      const admin = requirePermission(request.actor, "admin.users");
      await updateUser(db, admin, request.params.id, request.body);
      const user = await findAdminUser(db, request.params.id);
      if (!user) throw notFound("That user");
      return user;
    },
  );
}
