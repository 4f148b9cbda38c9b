import { z } from "zod";
import { adminUserSchema, idParamsSchema } from "../../common/admin.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { findAdminUser } from "../accounts/admin-queries.ts";
import { notFound } from "../core/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { anonymiseUser } from "./commands/anonymise-user.ts";
import { deleteUser } from "./commands/delete-user.ts";

/** Removing people (issue 17): delete an account no ticket needs, or erase a person and keep their tickets. */
export function registerErasureRoutes(app: App, deps: Deps): void {
  app.delete(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Delete a user no ticket needs (never asked, acted on or attached to one); anyone else is refused with 409: anonymise them instead",
        params: idParamsSchema,
        response: { 204: z.null(), ...refusals, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const admin = requirePermission(request.actor, "admin.users");
      await deleteUser(deps, admin, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/admin/users/:id/anonymise",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Erase a person (GDPR): name and address replaced by placeholders, sign-in, tokens, alerts and copies removed, their tickets kept",
        params: idParamsSchema,
        response: { 200: adminUserSchema, ...refusals, 409: errorResponseSchema },
      },
    },
    async (request) => {
      const admin = requirePermission(request.actor, "admin.users");
      await anonymiseUser(deps, admin, request.params.id);
      const user = await findAdminUser(deps.db, request.params.id);
      if (!user) throw notFound("That user");
      return user;
    },
  );
}
