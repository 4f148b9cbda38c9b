import { z } from "zod";
import { fieldsSentSchema } from "./fields.ts";
import { isVisibleLine, nameHiddenCharacters, visibleLine } from "./text.ts";
import { emailMaxLength, messageMaxLength, nameMaxLength, priorities, subjectMaxLength } from "./tickets.ts";
import { uploadTokensSchema } from "./uploads.ts";

/** How a request reached the help desk. Agents record phone calls and walk-ins themselves. */
export const ticketChannels = ["web", "email", "phone", "walk_in"] as const;
export type TicketChannel = (typeof ticketChannels)[number];
export const channelLabels: Record<TicketChannel, string> = {
  web: "Web",
  email: "Email",
  phone: "Phone",
  walk_in: "Walk-in",
};

/** A person with an account by `id`, or anyone by `name` and `email`; each missing piece gets its own message. */
const requesterSchema = z
  // Strict: a misspelt key of the nested requester would be dropped (the request check looks at the top level).
  .strictObject({
    id: z.uuid({ error: "Choose a requester from the list." }).optional(),
    name: z
      .string()
      .trim()
      .max(nameMaxLength, `Keep the name under ${nameMaxLength} characters.`)
      .refine(isVisibleLine, nameHiddenCharacters)
      .optional(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(emailMaxLength, "That email address is too long.")
      .pipe(z.union([z.literal(""), z.email({ error: "Enter a valid email address, like name@example.com." })]))
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.id) return;
    if (!r.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the requester's name." });
    if (!r.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the requester's email address." });
  });

/**
 * An agent (or an integration with an API token) opens a ticket for someone
 * else: a person with an account (by id), or anyone by name and email (an
 * account with that address is used when there is one; otherwise they follow
 * the ticket through a personal access link, like a guest).
 */
export const agentTicketInputSchema = z.object({
  requester: requesterSchema,
  channel: z.enum(ticketChannels, { error: "Choose how the request came in: phone, walk-in, email or web." }),
  subject: z
    .string({ error: "Enter a subject." })
    .trim()
    .overwrite(visibleLine)
    .min(1, "Enter a subject.")
    .max(subjectMaxLength, `Keep the subject under ${subjectMaxLength} characters.`),
  priority: z.enum(priorities, { error: "Choose a priority: Low, Medium, High or Urgent." }).default("medium"),
  message: z
    .string({ error: "Write what the requester needs." })
    .trim()
    .min(1, "Write what the requester needs.")
    .max(messageMaxLength, `Keep the message under ${messageMaxLength.toLocaleString("en")} characters.`),
  messageFormat: z.enum(["text", "html"]).default("text"),
  /** Left out: the "general" type. */
  typeId: z.uuid({ error: "Choose a ticket type from the list." }).nullable().optional(),
  groupId: z.uuid({ error: "Choose a group from the list." }).nullable().optional(),
  categoryId: z.uuid({ error: "Choose a category from the list." }).nullable().optional(),
  /** The custom fields of the chosen type, checked as the agent's edit form checks them. */
  fields: fieldsSentSchema.default({}),
  /** Send the requester the usual "we received your request" mail (with an access link when they have no account). */
  notifyRequester: z.boolean().default(false),
  /** Standalone uploads to attach, by their tokens. */
  attachments: uploadTokensSchema.optional(),
});
export type AgentTicketInput = z.input<typeof agentTicketInputSchema>;

export const requesterSearchSchema = z.object({
  q: z.string().trim().max(100).default(""),
});
export const requesterListSchema = z.object({
  requesters: z.array(
    z.object({ id: z.string(), name: z.string(), email: z.string(), organization: z.string().nullable() }),
  ),
});
export type RequesterOption = z.infer<typeof requesterListSchema>["requesters"][number];
