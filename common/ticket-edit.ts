import { z } from "zod";
import { fieldDefinitionSchema, fieldsSentSchema } from "./fields.ts";
import { visibleLine } from "./text.ts";
import { priorities } from "./tickets.ts";

/**
 * The agent's "Updating ticket" form. Every key is optional: only what is
 * sent changes. `fields` is the whole set of custom fields for the ticket's
 * (new) type, checked by the same schema as the request form, for agents.
 */
export const ticketUpdateSchema = z.object({
  subject: z
    .string({ error: "Enter a subject." })
    .trim()
    .overwrite(visibleLine)
    .min(1, "Enter a subject.")
    .max(200, "Keep the subject under 200 characters.")
    .optional(),
  priority: z.enum(priorities, { error: "Choose Low, Medium, High or Urgent." }).optional(),
  statusId: z.uuid({ error: "Choose a status from the list." }).optional(),
  assigneeId: z.union([z.uuid({ error: "Choose an agent from the list." }), z.null()]).optional(),
  groupId: z.union([z.uuid({ error: "Choose a group from the list." }), z.null()]).optional(),
  categoryId: z.union([z.uuid({ error: "Choose a category from the list." }), z.null()]).optional(),
  typeId: z.union([z.uuid({ error: "Choose a ticket type from the list." }), z.null()]).optional(),
  fields: fieldsSentSchema.optional(),
  /** The agent knows the change takes the ticket out of their sight (a group agent clearing its group). */
  confirmLoseAccess: z.boolean().optional(),
});
export type TicketUpdate = z.infer<typeof ticketUpdateSchema>;

/** What an agent's forms choose from: agents, groups, types with their fields, categories. */
export const workspaceDirectorySchema = z.object({
  agents: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), groupIds: z.array(z.string()) })),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  ticketTypes: z.array(z.object({ id: z.string(), name: z.string(), fields: z.array(fieldDefinitionSchema) })),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type WorkspaceDirectory = z.infer<typeof workspaceDirectorySchema>;
