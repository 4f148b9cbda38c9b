import {
  groupInputSchema,
  groupListSchema,
  organizationInputSchema,
  organizationListSchema,
  roleInputSchema,
  roleListSchema,
} from "../../../common/admin.ts";
import { permissions } from "../../../common/permissions.ts";
import { registerAdminCollection } from "../../http/admin-collection.ts";
import type { App, Deps } from "../../http/types.ts";
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

const permissionList = Object.entries(permissions).map(([name, description]) => ({ name, description }));

/** Roles, organizations and groups: list, create, change, remove. */
export function registerAdminDirectoryRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, {
    path: "/api/v1/admin/roles",
    permission: "admin.roles",
    summaries: {
      list: "Roles and the permissions they can grant",
      create: "Create a role",
      update: "Rename a role or change its permissions",
      remove: "Delete a role (not a built-in one)",
    },
    list: { schema: roleListSchema, load: async () => ({ roles: await listRoles(db), permissions: permissionList }) },
    input: roleInputSchema,
    create: (input) => createRole(db, input),
    update: (id, input) => updateRole(db, id, input),
    remove: (id) => deleteRole(db, id),
  });

  registerAdminCollection(app, {
    path: "/api/v1/admin/organizations",
    permission: "admin.organizations",
    summaries: {
      list: "Organizations (accounts) and their departments",
      create: "Create an account, or a department under one",
      update: "Rename or move an organization",
      remove: "Delete an organization without departments",
    },
    list: { schema: organizationListSchema, load: async () => ({ organizations: await listOrganizations(db) }) },
    input: organizationInputSchema,
    create: (input) => createOrganization(db, input),
    update: (id, input) => updateOrganization(db, id, input),
    remove: (id) => deleteOrganization(db, id),
  });

  registerAdminCollection(app, {
    path: "/api/v1/admin/groups",
    permission: "admin.groups",
    summaries: {
      list: "Agent groups",
      create: "Create an agent group",
      update: "Rename a group",
      remove: "Delete a group",
    },
    list: { schema: groupListSchema, load: async () => ({ groups: await listGroups(db) }) },
    input: groupInputSchema,
    create: (input) => createGroup(db, input),
    update: (id, input) => updateGroup(db, id, input),
    remove: (id) => deleteGroup(db, id),
  });
}
