import type { z } from "zod";
import {
  groupInputSchema,
  groupListSchema,
  organizationInputSchema,
  organizationListSchema,
  roleInputSchema,
  roleListSchema,
} from "./admin.ts";
import { automationRuleInputSchema, automationRuleListSchema } from "./automation.ts";
import {
  adminServiceListSchema,
  categoryInputSchema,
  categoryListSchema,
  serviceInputSchema,
  ticketTypeInputSchema,
  ticketTypeListSchema,
} from "./catalog.ts";
import { withdrawReasonInputSchema, withdrawReasonListSchema } from "./conversation.ts";
import { kbCategoryInputSchema, kbCategoryListSchema } from "./kb.ts";
import { mailboxInputSchema, mailboxListSchema } from "./mailboxes.ts";
import type { Permission } from "./permissions.ts";
import { satisfactionReasonInputSchema, satisfactionReasonListSchema } from "./satisfaction.ts";
import {
  calendarInputSchema,
  calendarListSchema,
  slaPolicyInputSchema,
  slaPolicyListSchema,
} from "./service-levels.ts";
import { adminStatusListSchema, statusInputSchema } from "./statuses.ts";

/**
 * One admin-managed collection (groups, statuses, calendars…), described once. Three consumers read it:
 * the server's `registerAdminCollection` (four routes, their OpenAPI summaries and the permission they
 * check), the web's `useAdminCollection` (the list query, save and delete, and what they make stale) and
 * the admin page component (its heading, "New …" button and loading text). Create and change take the same
 * input: a change replaces the entry.
 */
export type AdminCollection<
  List = unknown,
  Input extends z.ZodType = z.ZodType,
  Item extends { id: string } = { id: string },
> = {
  /** The last part of the path: `/api/v1/admin/${id}`, items at `/api/v1/admin/${id}/:id`. */
  id: string;
  /** What the actor needs for every one of the four routes. */
  permission: Permission;
  /** The list's response: checked on the way out by the server and on the way in by the web. */
  list: z.ZodType<List>;
  /** Where the entries are in the list's response. */
  items: (list: List) => Item[];
  /** The body of create and change, validated by the server and by the web's forms. */
  input: Input;
  labels: {
    /** The page's heading, its document title and the table's accessible name. */
    title: string;
    /** The button and the dialog that add an entry. */
    newItem: string;
    loading: string;
  };
  /** OpenAPI summaries of the four routes. */
  summaries: { list: string; create: string; update: string; remove: string };
  /** Other web caches a change makes stale, beside every admin list (public catalog, status lists…). */
  refreshes?: readonly (readonly string[])[];
};

export type AdminCollectionItem<C> = C extends AdminCollection<never, z.ZodType, infer Item> ? Item : never;
export type AdminCollectionInput<C> = C extends AdminCollection<never, infer Input> ? z.input<Input> : never;

export const adminCollectionPath = (collection: Pick<AdminCollection, "id">) => `/api/v1/admin/${collection.id}`;

/** Keeps the three type parameters of one description tied together (the entries' type comes from the list). */
function defineAdminCollection<List, Input extends z.ZodType, Item extends { id: string }>(
  collection: AdminCollection<List, Input, Item>,
): AdminCollection<List, Input, Item> {
  return collection;
}

const catalogPages = [["catalog"], ["categories"]] as const;

export const rolesCollection = defineAdminCollection({
  id: "roles",
  permission: "admin.roles",
  list: roleListSchema,
  items: (list) => list.roles,
  input: roleInputSchema,
  labels: { title: "Roles", newItem: "New role", loading: "Loading roles" },
  summaries: {
    list: "Roles and the permissions they can grant",
    create: "Create a role",
    update: "Rename a role or change its permissions",
    remove: "Delete a role (not a built-in one)",
  },
});

export const organizationsCollection = defineAdminCollection({
  id: "organizations",
  permission: "admin.organizations",
  list: organizationListSchema,
  items: (list) => list.organizations,
  input: organizationInputSchema,
  labels: { title: "Organizations", newItem: "New account", loading: "Loading organizations" },
  summaries: {
    list: "Organizations (accounts) and their departments",
    create: "Create an account, or a department under one",
    update: "Rename or move an organization",
    remove: "Delete an organization without departments",
  },
});

export const groupsCollection = defineAdminCollection({
  id: "groups",
  permission: "admin.groups",
  list: groupListSchema,
  items: (list) => list.groups,
  input: groupInputSchema,
  labels: { title: "Groups", newItem: "New group", loading: "Loading groups" },
  summaries: {
    list: "Agent groups",
    create: "Create an agent group",
    update: "Rename a group or choose its lead",
    remove: "Delete a group",
  },
});

export const categoriesCollection = defineAdminCollection({
  id: "categories",
  permission: "admin.settings",
  list: categoryListSchema,
  items: (list) => list.categories,
  input: categoryInputSchema,
  labels: { title: "Categories", newItem: "New category", loading: "Loading categories" },
  summaries: {
    list: "Catalog categories",
    create: "Create a category",
    update: "Change a category",
    remove: "Delete a category no ticket uses",
  },
  refreshes: catalogPages,
});

export const servicesCollection = defineAdminCollection({
  id: "services",
  permission: "admin.settings",
  list: adminServiceListSchema,
  items: (list) => list.services,
  input: serviceInputSchema,
  labels: { title: "Services", newItem: "New service", loading: "Loading services" },
  summaries: {
    list: "All services, active or not",
    create: "Create a service",
    update: "Change a service",
    remove: "Delete a service no ticket came through",
  },
  refreshes: catalogPages,
});

export const ticketTypesCollection = defineAdminCollection({
  id: "ticket-types",
  permission: "admin.settings",
  list: ticketTypeListSchema,
  items: (list) => list.ticketTypes,
  input: ticketTypeInputSchema,
  labels: { title: "Ticket types", newItem: "New ticket type", loading: "Loading ticket types" },
  summaries: {
    list: "Ticket types with their fields",
    create: "Create a ticket type",
    update: "Rename a ticket type",
    remove: "Delete an unused ticket type",
  },
  refreshes: catalogPages,
});

export const withdrawReasonsCollection = defineAdminCollection({
  id: "withdraw-reasons",
  permission: "admin.settings",
  list: withdrawReasonListSchema,
  items: (list) => list.reasons,
  input: withdrawReasonInputSchema,
  labels: { title: "Withdrawal reasons", newItem: "New reason", loading: "Loading reasons" },
  summaries: {
    list: "Reasons requesters choose from when withdrawing",
    create: "Add a reason",
    update: "Change a reason",
    remove: "Remove a reason",
  },
  refreshes: [["withdraw-reasons"]],
});

export const satisfactionReasonsCollection = defineAdminCollection({
  id: "satisfaction-reasons",
  permission: "admin.settings",
  list: satisfactionReasonListSchema,
  items: (list) => list.reasons,
  input: satisfactionReasonInputSchema,
  labels: { title: "Reasons for a Bad rating", newItem: "New reason", loading: "Loading reasons" },
  summaries: {
    list: "Reasons a requester can give when rating the support Bad",
    create: "Add a reason for a Bad rating",
    update: "Change a reason for a Bad rating",
    remove: "Remove a reason for a Bad rating",
  },
});

export const statusesCollection = defineAdminCollection({
  id: "statuses",
  permission: "admin.settings",
  list: adminStatusListSchema,
  items: (list) => list.statuses,
  input: statusInputSchema,
  labels: { title: "Statuses", newItem: "New status", loading: "Loading statuses" },
  summaries: {
    list: "Ticket statuses, in order, with how many tickets have each",
    create: "Add a status",
    update: "Rename, recategorise or move a status",
    remove: "Delete a status no ticket has",
  },
  refreshes: [...catalogPages, ["statuses"]],
});

export const mailboxesCollection = defineAdminCollection({
  id: "mailboxes",
  permission: "admin.settings",
  list: mailboxListSchema,
  items: (list) => list.mailboxes,
  input: mailboxInputSchema,
  labels: { title: "Mailboxes", newItem: "New mailbox", loading: "Loading mailboxes" },
  summaries: {
    list: "Mailboxes we receive mail for (IMAP passwords are never returned)",
    create: "Add a mailbox",
    update: "Change a mailbox (an empty IMAP password keeps the stored one)",
    remove: "Delete a mailbox that has not received mail",
  },
});

export const calendarsCollection = defineAdminCollection({
  id: "calendars",
  permission: "admin.settings",
  list: calendarListSchema,
  items: (list) => list.calendars,
  input: calendarInputSchema,
  labels: { title: "Business calendars", newItem: "New calendar", loading: "Loading calendars" },
  summaries: {
    list: "Business calendars with their hours, holidays and groups",
    create: "Add a calendar",
    update: "Change a calendar",
    remove: "Delete a calendar that is not the default",
  },
});

export const slaPoliciesCollection = defineAdminCollection({
  id: "sla-policies",
  permission: "admin.settings",
  list: slaPolicyListSchema,
  items: (list) => list.policies,
  input: slaPolicyInputSchema,
  labels: { title: "SLA policies", newItem: "New policy", loading: "Loading policies" },
  summaries: {
    list: "SLA policies in the order they are tried",
    create: "Add an SLA policy",
    update: "Change an SLA policy",
    remove: "Delete an SLA policy",
  },
});

export const automationRulesCollection = defineAdminCollection({
  id: "automation-rules",
  permission: "admin.settings",
  list: automationRuleListSchema,
  items: (list) => list.rules,
  input: automationRuleInputSchema,
  labels: { title: "Triggers and time rules", newItem: "New rule", loading: "Loading rules" },
  summaries: {
    list: "Triggers and time rules",
    create: "Add a trigger or time rule",
    update: "Change a trigger or time rule",
    remove: "Delete a trigger or time rule",
  },
});

/** Every described collection; the route test walks them all. */
/**
 * The knowledge base's categories and sections. Editors (`kb.edit`, which agents hold by default) manage them, so
 * the collection is not in `adminCollections`, whose test expects agents to be refused.
 */
export const kbCategoriesCollection = defineAdminCollection({
  id: "kb/categories",
  permission: "kb.edit",
  list: kbCategoryListSchema,
  items: (list) => list.categories,
  input: kbCategoryInputSchema,
  labels: { title: "Knowledge base categories", newItem: "New category", loading: "Loading categories" },
  summaries: {
    list: "Knowledge base categories and sections",
    create: "Create a category or section",
    update: "Change a category or section",
    remove: "Delete a category and its sections (their articles stay, without a category)",
  },
});

export const adminCollections = [
  rolesCollection,
  organizationsCollection,
  groupsCollection,
  categoriesCollection,
  servicesCollection,
  ticketTypesCollection,
  withdrawReasonsCollection,
  satisfactionReasonsCollection,
  statusesCollection,
  mailboxesCollection,
  calendarsCollection,
  slaPoliciesCollection,
  automationRulesCollection,
] as const;
