import type { z } from "zod";
import {
  type ExportPage,
  exportQuerySchema,
  organizationExportPageSchema,
  ticketExportPageSchema,
  userExportPageSchema,
} from "../../common/export.ts";
import type { Permission } from "../../common/permissions.ts";
import { requirePermission } from "../core/permissions.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { exportOrganizations, exportTickets, exportUsers } from "./queries.ts";

const description =
  "Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` " +
  "(or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later " +
  'for what changed since. See docs/api.md, "Incremental export".';

/**
 * GET /api/v1/export/{tickets,users,organizations}: the incremental export for BI tools and syncs. Each needs
 * the permission that already shows the whole collection: every ticket, or managing users or organizations.
 */
export function registerExportRoutes(app: App, { db }: Deps): void {
  const routes: {
    resource: string;
    permission: Permission;
    schema: z.ZodType;
    load: (query: z.infer<typeof exportQuerySchema>) => Promise<ExportPage<unknown>>;
  }[] = [
    {
      resource: "tickets",
      permission: "tickets.view_all",
      schema: ticketExportPageSchema,
      load: (q) => exportTickets(db, q),
    },
    { resource: "users", permission: "admin.users", schema: userExportPageSchema, load: (q) => exportUsers(db, q) },
    {
      resource: "organizations",
      permission: "admin.organizations",
      schema: organizationExportPageSchema,
      load: (q) => exportOrganizations(db, q),
    },
  ];
  for (const { resource, permission, schema, load } of routes) {
    app.get(
      `/api/v1/export/${resource}`,
      {
        schema: {
          tags: ["export"],
          summary: `The ${resource} that changed since a cursor or a time, with deletions`,
          description,
          querystring: exportQuerySchema,
          response: { 200: schema, ...refusals },
        },
      },
      async (request) => {
        requirePermission(request.actor, permission);
        return load(request.query);
      },
    );
  }
}
