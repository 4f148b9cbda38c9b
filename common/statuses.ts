import { z } from "zod";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";
import { statusCategories } from "./tickets.ts";

/** What each category means; behaviour (reopen, auto-close, customer replies) hangs on the category, not the name. */
export const statusCategoryLabels: Record<(typeof statusCategories)[number], string> = {
  new: "New: nobody has looked at it yet",
  open: "Open: being worked on",
  pending: "Pending: waiting for the customer",
  on_hold: "On hold: waiting for someone else",
  solved: "Solved: done, can still be reopened",
  closed: "Closed: read-only",
  cancelled: "Cancelled: withdrawn by the customer",
};

export const adminStatusSchema = z.object({
  id: z.string(),
  agentLabel: z.string(),
  customerLabel: z.string(),
  category: z.enum(statusCategories),
  position: z.number().int(),
  customersMayReopen: z.boolean(),
  ticketCount: z.number().int(),
  /** What stops working if this status is deleted: it is the only one of its category that a feature needs. */
  dependents: z.array(z.string()),
});
export const adminStatusListSchema = z.object({ statuses: z.array(adminStatusSchema) });

const label = (who: string) =>
  z
    .string({ error: `Enter the label ${who} see.` })
    .trim()
    .min(1, `Enter the label ${who} see.`)
    .max(60, "Keep the label under 60 characters.")
    .refine(isVisibleLine, nameHiddenCharacters);

export const statusInputSchema = z.object({
  agentLabel: label("agents"),
  customerLabel: label("customers"),
  category: z.enum(statusCategories, { error: "Choose a category." }),
  position: z.number().int().min(0).max(1000).default(0),
  /** Closed statuses only: a customer's reply reopens the ticket instead of being refused (seed 002). */
  customersMayReopen: z.boolean().default(false),
});
export type StatusInput = z.infer<typeof statusInputSchema>;
