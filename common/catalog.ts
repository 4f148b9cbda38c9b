import { z } from "zod";
import { customerAccessLevels, fieldDefinitionSchema, fieldTypes } from "./fields.ts";
import { serviceIconNames } from "./service-icons.ts";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";
import { priorities } from "./tickets.ts";

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().default(null),
  parentId: z.string().nullable().default(null),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryListSchema = z.object({ categories: z.array(categorySchema) });

/**
 * public: anyone, even without an account, may request it (guests cannot track it in the portal);
 * customers: signed-in people with `catalog.view`; restricted: only members of chosen organizations or roles.
 */
export const serviceVisibilities = ["public", "customers", "restricted"] as const;
export type ServiceVisibility = (typeof serviceVisibilities)[number];

export const serviceSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  /** A Tabler icon name from `serviceIconNames`. */
  icon: z.enum(serviceIconNames).nullable(),
  color: z.string().nullable(),
  categoryId: z.string().nullable(),
  requestLabel: z.string(),
  visibility: z.enum(serviceVisibilities),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

export const catalogQuerySchema = z.object({ q: z.string().trim().max(200).optional() });
export const catalogSchema = z.object({
  categories: z.array(categorySchema),
  services: z.array(serviceSummarySchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const serviceDetailSchema = serviceSummarySchema.extend({
  description: z.string(),
  defaultPriority: z.enum(priorities),
  ticketType: z.object({ id: z.string(), name: z.string() }),
  /** The fields the person filling in the form may set, in order. */
  fields: z.array(fieldDefinitionSchema),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

const name = (what: string) =>
  z
    .string({ error: `Enter a name for the ${what}.` })
    .trim()
    .min(1, `Enter a name for the ${what}.`)
    .max(120, `Keep the ${what}'s name under 120 characters.`)
    .refine(isVisibleLine, nameHiddenCharacters);

export const categoryInputSchema = z.object({
  name: name("category"),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").nullable().optional(),
  parentId: z.uuid({ error: "Choose a category from the list." }).nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const serviceInputSchema = z.object({
  name: name("service"),
  slug: z
    .string({ error: "Enter the service's address, like password-reset." })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes, like password-reset.")
    .max(80, "Keep the address under 80 characters."),
  categoryId: z.uuid({ error: "Choose a category from the list." }).nullable(),
  summary: z
    .string()
    .trim()
    .min(1, "Enter a short description.")
    .max(300, "Keep the short description under 300 characters."),
  description: z.string().trim().max(20_000, "Keep the description under 20,000 characters.").default(""),
  icon: z.enum(serviceIconNames, { error: "Choose an icon from the list." }).nullable().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, "Use a colour like #1c7ed6.")
    .nullable()
    .optional(),
  ticketTypeId: z.uuid({ error: "Choose a ticket type." }),
  groupId: z.uuid({ error: "Choose a group from the list." }).nullable().optional(),
  defaultPriority: z.enum(priorities, { error: "Choose a priority." }),
  visibility: z.enum(serviceVisibilities, { error: "Choose who may request this service." }),
  organizationIds: z.array(z.uuid()).max(200).default([]),
  roleIds: z.array(z.uuid()).max(200).default([]),
  requestLabel: z
    .string()
    .trim()
    .min(1, "Enter the button's label.")
    .max(40, "Keep the label under 40 characters.")
    .default("Request service"),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export const adminServiceSchema = serviceSummarySchema.extend({
  description: z.string(),
  ticketTypeId: z.string(),
  groupId: z.string().nullable(),
  defaultPriority: z.enum(priorities),
  organizationIds: z.array(z.string()),
  roleIds: z.array(z.string()),
  active: z.boolean(),
  position: z.number().int(),
});
export const adminServiceListSchema = z.object({ services: z.array(adminServiceSchema) });

export const ticketTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  fields: z.array(fieldDefinitionSchema),
});
export type TicketType = z.infer<typeof ticketTypeSchema>;
export const ticketTypeListSchema = z.object({ ticketTypes: z.array(ticketTypeSchema) });
export const ticketTypeInputSchema = z.object({
  name: name("ticket type"),
  description: z.string().trim().max(500).nullable().optional(),
});

export const fieldInputSchema = z
  .object({
    key: z
      .string({ error: "Enter a key, like cost_centre." })
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and underscores, starting with a letter."),
    label: z
      .string()
      .trim()
      .min(1, "Enter a label.")
      .max(120, "Keep the label under 120 characters.")
      .refine(isVisibleLine, nameHiddenCharacters),
    helpText: z.string().trim().max(500, "Keep the help text under 500 characters.").nullable().optional(),
    type: z.enum(fieldTypes, { error: "Choose a field type." }),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
    customerAccess: z.enum(customerAccessLevels, { error: "Choose who sees the field." }),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((field, ctx) => {
    const choice = field.type === "single_select" || field.type === "multi_select";
    if (choice && field.options.length === 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Add at least one option." });
    }
    if (new Set(field.options).size !== field.options.length) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Each option may appear once." });
    }
  });
export type FieldInput = z.infer<typeof fieldInputSchema>;
