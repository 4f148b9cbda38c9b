import { z } from "zod";
import { inServiceYears, outsideServiceYears } from "./days.ts";
import { errorCodes } from "./errors.ts";
import { tagSchema } from "./tags.ts";
import { priorities, statusCategories, ticketSummarySchema } from "./tickets.ts";

/** The agent workspace's built-in queues, in the order the sidebar shows them. */
export const builtinQueues = [
  "new",
  "unassigned",
  "mine",
  "my_groups",
  "waiting",
  "overdue",
  "recently_solved",
  "all",
] as const;
export type BuiltinQueue = (typeof builtinQueues)[number];

export const queueLabels: Record<BuiltinQueue, string> = {
  new: "New",
  unassigned: "Unassigned",
  mine: "Mine",
  my_groups: "My groups",
  waiting: "Waiting for customer",
  overdue: "Overdue",
  recently_solved: "Recently solved",
  all: "All",
};

/** Recently solved means solved (or closed after solving) within this many days. */
export const recentlySolvedDays = 7;

/** A query-string value that may repeat (`?priority=high&priority=urgent`). */
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[])
    .optional();

const day = z.iso
  .date({ error: "Use a date like 2026-11-22." })
  // PostgreSQL answered 500 for createdTo=9999-12-31 (and a view saved with it broke the sidebar).
  .refine(inServiceYears, { error: outsideServiceYears })
  .optional();

/** Someone a ticket can be assigned to: a user id, or "me" and "none". */
const assigneeValue = z.union([
  z.literal("me"),
  z.literal("none"),
  z.uuid({ error: "Choose an agent from the list." }),
]);
const groupValue = z.union([z.literal("none"), z.uuid({ error: "Choose a group from the list." })]);

/**
 * Every filter a queue or saved view can apply. Flat, so it is the same in a
 * query string, a saved view and a link an agent shares.
 */
export const queueFiltersSchema = z.object({
  statusId: many(z.uuid({ error: "Choose statuses from the list." })),
  statusCategory: many(z.enum(statusCategories, { error: "That is not a status category." })),
  priority: many(z.enum(priorities, { error: "Choose Low, Medium, High or Urgent." })),
  groupId: many(groupValue),
  assigneeId: many(assigneeValue),
  typeId: many(z.uuid({ error: "Choose a ticket type from the list." })),
  serviceId: many(z.uuid({ error: "Choose a service from the list." })),
  organizationId: many(z.uuid({ error: "Choose an organization from the list." })),
  /** Part of the requester's email address or name. */
  requester: z.string().trim().max(254).optional(),
  createdFrom: day,
  createdTo: day,
  updatedFrom: day,
  updatedTo: day,
  /** A ticket number (with or without #), or words from the subject. */
  q: z.string().trim().max(200).optional(),
  /** Tickets with every one of these tags. */
  tag: many(tagSchema),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export const queueSorts = ["updated", "created", "number", "priority", "subject", "due"] as const;
export type QueueSort = (typeof queueSorts)[number];

export const agentTicketListQuerySchema = queueFiltersSchema.extend({
  queue: z.enum(builtinQueues, { error: "That is not a queue." }).default("all"),
  sort: z.enum(queueSorts, { error: "Sort by updated, created, number, priority, subject or due." }).default("updated"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AgentTicketListQuery = z.infer<typeof agentTicketListQuerySchema>;

export const agentTicketSummarySchema = ticketSummarySchema.extend({
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  ticketType: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The requester or a CC wrote since the caller last opened the ticket. */
  newReply: z.boolean(),
});
export type AgentTicketSummary = z.infer<typeof agentTicketSummarySchema>;

export const agentTicketPageSchema = z.object({
  tickets: z.array(agentTicketSummarySchema),
  nextCursor: z.string().nullable(),
});
export type AgentTicketPage = z.infer<typeof agentTicketPageSchema>;

/** The filters as stored and sent back: the same fields, already normalised to arrays. */
const storedFiltersSchema = z.object({
  statusId: z.array(z.string()).optional(),
  statusCategory: z.array(z.enum(statusCategories)).optional(),
  priority: z.array(z.enum(priorities)).optional(),
  groupId: z.array(z.string()).optional(),
  assigneeId: z.array(z.string()).optional(),
  typeId: z.array(z.string()).optional(),
  serviceId: z.array(z.string()).optional(),
  organizationId: z.array(z.string()).optional(),
  requester: z.string().optional(),
  createdFrom: z.string().optional(),
  createdTo: z.string().optional(),
  updatedFrom: z.string().optional(),
  updatedTo: z.string().optional(),
  q: z.string().optional(),
  tag: z.array(z.string()).optional(),
});

/** Sidebar counts stop here; `more` says there are more than that ("999+"). */
export const countCap = 999;

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: storedFiltersSchema,
  count: z.number().int(),
  more: z.boolean(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const queueOverviewSchema = z.object({
  queues: z.array(
    z.object({ key: z.enum(builtinQueues), label: z.string(), count: z.number().int(), more: z.boolean() }),
  ),
  views: z.array(savedViewSchema),
});
export type QueueOverview = z.infer<typeof queueOverviewSchema>;

export const savedViewInputSchema = z.object({
  name: z
    .string({ error: "Name the view." })
    .trim()
    .min(1, "Name the view.")
    .max(60, "Keep the name under 60 characters."),
  // Strict here only (the request check refuses unknown keys at the top level): a misspelt filter was dropped and
  // the view listed every ticket. Views stored before keep loading through the loose schema.
  filters: queueFiltersSchema.strict(),
});
export type SavedViewInput = z.infer<typeof savedViewInputSchema>;

/** Bulk changes: at least one of them, applied to each ticket the agent may work. */
export const bulkUpdateSchema = z
  .object({
    numbers: z
      .array(
        // A ticket number is a 32-bit integer in the database: PostgreSQL failed the whole request on a larger one.
        z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1, "There is no ticket with that number."),
        { error: "Select tickets first." },
      )
      .min(1, "Select tickets first.")
      .max(100, "Change at most 100 tickets at once."),
    statusId: z.uuid({ error: "Choose a status from the list." }).optional(),
    priority: z.enum(priorities, { error: "Choose Low, Medium, High or Urgent." }).optional(),
    assigneeId: z.union([z.uuid({ error: "Choose an agent from the list." }), z.null()]).optional(),
    groupId: z.union([z.uuid({ error: "Choose a group from the list." }), z.null()]).optional(),
    note: z.string().trim().max(20_000, "Keep the note under 20,000 characters.").optional(),
    /** The agent knows the changes take some tickets out of their sight (a group agent clearing the group). */
    confirmLoseAccess: z.boolean().optional(),
  })
  .refine(
    (b) =>
      b.statusId !== undefined ||
      b.priority !== undefined ||
      b.assigneeId !== undefined ||
      b.groupId !== undefined ||
      Boolean(b.note),
    { message: "Choose at least one change.", path: ["changes"] },
  );
export type BulkUpdate = z.infer<typeof bulkUpdateSchema>;

export const bulkResultSchema = z.object({
  updated: z.array(z.number().int()),
  /** Each ticket left unchanged: the error code a client branches on, and the reason in the agent's language. */
  failed: z.array(z.object({ number: z.number().int(), code: z.enum(errorCodes), reason: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
