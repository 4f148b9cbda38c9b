import type { Permission } from "../../common/permissions.ts";

/** The admin pages, in the order of the admin navigation, with the permission the server wants for each. */
export const adminSections: { path: string; label: string; permission: Permission }[] = [
  { path: "users", label: "Users", permission: "admin.users" },
  { path: "roles", label: "Roles", permission: "admin.roles" },
  { path: "organizations", label: "Organizations", permission: "admin.organizations" },
  { path: "groups", label: "Groups", permission: "admin.groups" },
  { path: "api-tokens", label: "API tokens", permission: "admin.api_tokens" },
  { path: "catalog", label: "Catalog", permission: "admin.settings" },
  { path: "ticket-types", label: "Ticket types", permission: "admin.settings" },
  { path: "statuses", label: "Statuses", permission: "admin.settings" },
  { path: "withdraw-reasons", label: "Withdrawal reasons", permission: "admin.settings" },
  { path: "satisfaction", label: "Satisfaction surveys", permission: "admin.settings" },
  { path: "macros", label: "Macros", permission: "admin.settings" },
  { path: "mailboxes", label: "Mailboxes", permission: "admin.settings" },
  { path: "inbound-mail", label: "Inbound mail", permission: "admin.settings" },
  { path: "calendars", label: "Business calendars", permission: "admin.settings" },
  { path: "sla-policies", label: "SLA policies", permission: "admin.settings" },
  { path: "automation", label: "Triggers and time rules", permission: "admin.settings" },
  { path: "webhooks", label: "Webhooks", permission: "admin.settings" },
  { path: "jobs", label: "Background jobs", permission: "admin.settings" },
  { path: "deleted-tickets", label: "Deleted tickets", permission: "tickets.delete" },
  // Knowledge base (issue 19): editors with kb.edit reach this page without being administrators.
  { path: "kb", label: "Knowledge base", permission: "kb.edit" },
];

/** The admin pages someone with these permissions can use; none means the admin area is not for them. */
export function sectionsFor(permissions: readonly string[]) {
  return adminSections.filter((s) => permissions.includes(s.permission));
}
