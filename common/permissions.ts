import type { Licence } from "./accounts.ts";

/**
 * Every permission a role can grant. A user's effective permissions are the
 * union of their roles' permissions, limited to what their licence allows:
 * giving a customer the "Agent" role does not make them an agent.
 */
export const permissions = {
  "tickets.submit": "Submit requests",
  "catalog.view": "See services that are not public",
  "tickets.view_department": "See the requests of their organizations and departments",
  "tickets.act_department": "Comment on, solve, withdraw and copy people on their colleagues' requests",
  "tickets.view_all": "See every ticket",
  "tickets.work": "Reply, add internal notes and change tickets",
  "tickets.assign": "Assign tickets",
  "tickets.delete": "Delete tickets and restore deleted ones",
  "kb.edit": "Write, publish and archive knowledge base articles",
  "reports.view": "See reports (agents without every ticket see their groups' figures only)",
  "admin.users": "Manage users, licences and roles",
  "admin.roles": "Manage roles",
  "admin.organizations": "Manage organizations and departments",
  "admin.groups": "Manage agent groups",
  "admin.api_tokens": "Create and revoke API tokens",
  "admin.settings": "Change settings, including the catalog and statuses",
} as const;
export type Permission = keyof typeof permissions;
export const permissionNames = Object.keys(permissions) as Permission[];

const customerPermissions: Permission[] = [
  "tickets.submit",
  "catalog.view",
  "tickets.view_department",
  "tickets.act_department",
];
const agentPermissions: Permission[] = [
  ...customerPermissions,
  "tickets.view_all",
  "tickets.work",
  "tickets.assign",
  "kb.edit",
  "reports.view",
];

export const licencePermissions: Record<Licence, readonly Permission[]> = {
  customer: customerPermissions,
  agent: agentPermissions,
  admin: permissionNames,
};

export function effectivePermissions(licence: Licence, granted: Iterable<string>): Permission[] {
  const allowed = new Set<string>(licencePermissions[licence]);
  return [...new Set(granted)].filter((p): p is Permission => allowed.has(p)).sort();
}

/** The roles a fresh help desk starts with; `defaultFor` marks the role new users of that licence get. */
export const builtinRoles: { key: string; name: string; permissions: Permission[]; defaultFor: Licence | null }[] = [
  { key: "customer", name: "Customer", permissions: ["tickets.submit", "catalog.view"], defaultFor: "customer" },
  {
    key: "department_viewer",
    name: "Department viewer",
    permissions: ["tickets.submit", "catalog.view", "tickets.view_department"],
    defaultFor: null,
  },
  { key: "agent", name: "Agent", permissions: agentPermissions, defaultFor: "agent" },
  { key: "administrator", name: "Administrator", permissions: permissionNames, defaultFor: "admin" },
];
