import { z } from "zod";

const ticketNumber = z
  .number({ error: "Enter a ticket number." })
  .int("Enter a ticket number.")
  .min(1, "Enter a ticket number.")
  .max(2 ** 31 - 1, "There is no ticket with that number.");

export const linkInputSchema = z.object({ number: ticketNumber });
export const mergeInputSchema = z.object({ into: ticketNumber });
export type MergeInput = z.infer<typeof mergeInputSchema>;

export const linkedTicketSchema = z.object({
  number: z.number(),
  subject: z.string(),
  /** The agent label of its status. */
  status: z.string(),
});
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

/** Related tickets the caller may see, and where merges went (agents only). */
export const ticketRelationsSchema = z.object({
  links: z.array(linkedTicketSchema),
  mergedInto: linkedTicketSchema.nullable(),
  mergedFrom: z.array(linkedTicketSchema),
});
export type TicketRelations = z.infer<typeof ticketRelationsSchema>;

export const linkParamsSchema = z.object({ number: z.string().max(20), other: z.string().max(20) });
