import { z } from "zod";
import { licences } from "./accounts.ts";
import { organizationSchema } from "./admin.ts";

/** A member of an organization, as admins see them in its member list. */
export const organizationMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  licence: z.enum(licences),
  disabled: z.boolean(),
});
export const organizationMembersSchema = z.object({ members: z.array(organizationMemberSchema) });

/** One organization with its departments (an account) or its account (a department). */
export const organizationDetailSchema = organizationSchema.extend({
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const customerLookupQuerySchema = z.object({
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
});

/** A person with an account, found by their exact email address, for agents opening or linking a ticket. */
export const customerLookupSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  licence: z.enum(licences),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
});
