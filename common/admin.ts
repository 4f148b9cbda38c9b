import { z } from "zod";
import { licences } from "./accounts.ts";
import { permissionNames } from "./permissions.ts";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";

const name = (what: string) =>
  z
    .string({ error: `Enter a name for the ${what}.` })
    .trim()
    .min(1, `Enter a name for the ${what}.`)
    .max(120, `Keep the ${what}'s name under 120 characters.`)
    .refine(isVisibleLine, nameHiddenCharacters);
const ids = z.array(z.uuid({ error: "Choose from the list." })).max(200);

export const namedRefSchema = z.object({ id: z.string(), name: z.string() });

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  licence: z.enum(licences),
  roles: z.array(namedRefSchema),
  organizations: z.array(namedRefSchema),
  groups: z.array(namedRefSchema),
  confirmed: z.boolean(),
  disabled: z.boolean(),
  /** Erased (GDPR): the name and email are placeholders, and the account can never be used again. */
  anonymised: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema), nextCursor: z.string().nullable() });
export const adminUserListQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const inviteUserSchema = z.object({
  name: name("person"),
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
  licence: z.enum(licences, { error: "Choose a licence: customer, agent or admin." }),
  roleIds: ids.optional(),
  organizationIds: ids.optional(),
  groupIds: ids.optional(),
});
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z.object({
  name: name("person").optional(),
  licence: z.enum(licences, { error: "Choose a licence: customer, agent or admin." }).optional(),
  roleIds: ids.optional(),
  organizationIds: ids.optional(),
  groupIds: ids.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const roleSchema = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  defaultFor: z.enum(licences).nullable(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;
export const roleListSchema = z.object({
  roles: z.array(roleSchema),
  permissions: z.array(z.object({ name: z.string(), description: z.string() })),
});
export const roleInputSchema = z.object({
  name: name("role"),
  permissions: z
    .array(z.enum(permissionNames as [string, ...string[]], { error: "That is not a known permission." }))
    .max(100),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  memberCount: z.number().int(),
});
export const organizationListSchema = z.object({ organizations: z.array(organizationSchema) });
export const organizationInputSchema = z.object({
  name: name("organization"),
  parentId: z.uuid({ error: "Choose an organization from the list." }).nullable().optional(),
});

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number().int(),
  /** The agent "notify the group lead" mails. */
  lead: namedRefSchema.nullable(),
});
export const groupListSchema = z.object({ groups: z.array(groupSchema) });
export const groupInputSchema = z.object({
  name: name("group"),
  /** One of the group's agents; null for none. Left out, a change keeps the lead the group has. */
  leadId: z.uuid({ error: "Choose the lead from the group's agents." }).nullable().optional(),
});

/**
 * What a token may do, on top of what its user may: `read` (GET), `write` (anything that changes data),
 * `admin` (the /api/v1/admin API and the dev mailbox, with read and write still needed for the method).
 */
export const apiTokenScopes = ["read", "write", "admin"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Stored space-separated; anything unknown (a future scope, a typo by hand) grants nothing. */
export function parseScopes(stored: string): ApiTokenScope[] {
  return apiTokenScopes.filter((scope) => stored.split(/\s+/).includes(scope));
}

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  scopes: z.array(z.enum(apiTokenScopes)),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revoked: z.boolean(),
});
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export const apiTokenInputSchema = z.object({
  name: name("token"),
  userId: z.uuid({ error: "Choose the user the token acts as." }),
  scopes: z
    .array(z.enum(apiTokenScopes, { error: "Choose read, write or admin." }))
    .min(1, "Choose at least one scope.")
    .default(["read"]),
  /** Days until the token stops working; null: until revoked. */
  expiresInDays: z
    .number({ error: "Choose when the token expires." })
    .int()
    .min(1, "A token lasts at least a day.")
    .max(3650, "A token lasts at most ten years.")
    .nullable()
    .default(90),
});
/** The token itself is shown once, at creation; only its hash is kept. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });

export const idParamsSchema = z.object({ id: z.uuid({ error: "That is not a valid id." }) });
