import { groupsCollection, organizationsCollection, rolesCollection } from "../../../common/admin-collections.ts";
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
import { requireHeld } from "../permissions.ts";

const permissionList = Object.entries(permissions).map(([name, description]) => ({ name, description }));

/** Roles, organizations and groups: list, create, change, remove. */
export function registerAdminDirectoryRoutes(app: App, { db }: Deps): void {
  registerAdminCollection(app, rolesCollection, {
    load: async () => ({ roles: await listRoles(db), permissions: permissionList }),
    create: (input, actor) => {
      // A new role hands out all it grants: the admin must hold each permission (accounts/permissions.ts).
      requireHeld(actor, [], input.permissions, "permissions");
      return createRole(db, input);
    },
    update: (id, input, actor) => updateRole(db, id, input, actor),
    remove: (id) => deleteRole(db, id),
  });

  registerAdminCollection(app, organizationsCollection, {
    load: async () => ({ organizations: await listOrganizations(db) }),
    create: (input) => createOrganization(db, input),
    update: (id, input) => updateOrganization(db, id, input),
    remove: (id) => deleteOrganization(db, id),
  });

  registerAdminCollection(app, groupsCollection, {
    load: async () => ({ groups: await listGroups(db) }),
    create: (input) => createGroup(db, input),
    update: (id, input) => updateGroup(db, id, input),
    remove: (id) => deleteGroup(db, id),
  });
}
