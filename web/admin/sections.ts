import type { Permission } from "../../common/permissions.ts";
import type { useT } from "../i18n/use-t.ts";

type Translate = ReturnType<typeof useT>;

/**
 * The admin pages, in the order of the admin navigation, with the permission the server wants for each.
 * The label is said in the reader's language when the navigation is drawn.
 */
export const adminSections: { path: string; label: (t: Translate) => string; permission: Permission }[] = [
  { path: "users", label: (t) => t("admin.nav.users"), permission: "admin.users" },
  { path: "roles", label: (t) => t("admin.nav.roles"), permission: "admin.roles" },
  { path: "organizations", label: (t) => t("admin.nav.organizations"), permission: "admin.organizations" },
  { path: "groups", label: (t) => t("admin.nav.groups"), permission: "admin.groups" },
  { path: "api-tokens", label: (t) => t("admin.nav.apiTokens"), permission: "admin.api_tokens" },
  { path: "catalog", label: (t) => t("admin.nav.catalog"), permission: "admin.settings" },
  { path: "ticket-types", label: (t) => t("admin.nav.ticketTypes"), permission: "admin.settings" },
  { path: "statuses", label: (t) => t("admin.nav.statuses"), permission: "admin.settings" },
  { path: "withdraw-reasons", label: (t) => t("admin.nav.withdrawReasons"), permission: "admin.settings" },
  { path: "satisfaction", label: (t) => t("admin.nav.satisfaction"), permission: "admin.settings" },
  { path: "macros", label: (t) => t("admin.nav.macros"), permission: "admin.settings" },
  { path: "mailboxes", label: (t) => t("admin.nav.mailboxes"), permission: "admin.settings" },
  { path: "inbound-mail", label: (t) => t("admin.nav.inboundMail"), permission: "admin.settings" },
  { path: "calendars", label: (t) => t("admin.nav.calendars"), permission: "admin.settings" },
  { path: "sla-policies", label: (t) => t("admin.nav.slaPolicies"), permission: "admin.settings" },
  { path: "automation", label: (t) => t("admin.nav.automation"), permission: "admin.settings" },
  { path: "webhooks", label: (t) => t("admin.nav.webhooks"), permission: "admin.settings" },
  { path: "jobs", label: (t) => t("admin.nav.jobs"), permission: "admin.settings" },
  { path: "languages", label: (t) => t("admin.nav.languages"), permission: "admin.settings" },
  { path: "deleted-tickets", label: (t) => t("admin.nav.deletedTickets"), permission: "tickets.delete" },
  // Knowledge base (issue 19): editors with kb.edit reach this page without being administrators.
  { path: "kb", label: (t) => t("admin.nav.kb"), permission: "kb.edit" },
];

/** The admin pages someone with these permissions can use; none means the admin area is not for them. */
export function sectionsFor(permissions: readonly string[]) {
  return adminSections.filter((s) => permissions.includes(s.permission));
}
