import { z } from "zod";
import { fieldsSentSchema } from "./fields.ts";
import { tagSchema } from "./tags.ts";
import { hasVisibleText, isVisibleLine, nameHiddenCharacters, visibleLine } from "./text.ts";
import { uploadTokensSchema } from "./uploads.ts";

export const priorities = ["low", "medium", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];
export const priorityLabels: Record<Priority, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

export const statusCategories = ["new", "open", "pending", "on_hold", "solved", "closed", "cancelled"] as const;
export type StatusCategory = (typeof statusCategories)[number];
/** Work on the ticket is over: the service level clock stops, filters call it done. */
export const finishedCategories: readonly StatusCategory[] = ["solved", "closed", "cancelled"];
/** Closed for good: read-only, no merging into it, a follow-up instead of a reply. */
export const closedCategories: readonly StatusCategory[] = ["closed", "cancelled"];
/** Whether a status category is finished (solved, closed or withdrawn). */
export const isFinished = (category: StatusCategory) => finishedCategories.includes(category);
/** Whether a status category is closed for good (closed or withdrawn). */
export const isClosed = (category: StatusCategory) => closedCategories.includes(category);

export const subjectMaxLength = 200;
export const messageMaxLength = 20_000;
export const nameMaxLength = 120;
export const emailMaxLength = 254;

/**
 * What the portal's request forms send: the general form (with a category) or
 * a service's form (with the service's custom fields). The same schema
 * validates on both sides; custom fields are checked against the service's
 * ticket type on the server (and by the form with `fieldsSchema`).
 */
export const ticketSubmissionSchema = z
  .object({
    subject: z
      .string({ error: "Enter a subject." })
      .trim()
      .overwrite(visibleLine)
      .min(1, "Enter a subject.")
      .max(subjectMaxLength, `Keep the subject under ${subjectMaxLength} characters.`),
    priority: z.enum(priorities, { error: "Choose a priority: Low, Medium, High or Urgent." }),
    categoryId: z.uuid({ error: "Choose a category." }).optional(),
    serviceId: z.uuid({ error: "Choose a service from the catalog." }).optional(),
    message: z
      .string({ error: "Describe what you need." })
      .trim()
      .min(1, "Describe what you need.")
      .max(messageMaxLength, `Keep the message under ${messageMaxLength.toLocaleString("en")} characters.`)
      .refine(hasVisibleText, "Describe what you need."),
    /** html: from the rich-text editor (sanitised on the server); text: plain text, shown as written. */
    messageFormat: z.enum(["text", "html"]).default("text"),
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(nameMaxLength, `Keep your name under ${nameMaxLength} characters.`)
      .refine(isVisibleLine, nameHiddenCharacters),
    email: z
      .string({ error: "Enter your email address." })
      .trim()
      .max(emailMaxLength, "That email address is too long.")
      .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
    fields: fieldsSentSchema.default({}),
    /** The knowledge base suggestions' token of this visit of the form (see server/kb/commands/deflection.ts). */
    kbSuggestionToken: z.uuid().optional(),
    /** A field people never see; software that fills in every field gives itself away. */
    website: z.string().max(0, "Leave this field empty.").optional(),
    /** Standalone uploads to attach, by their tokens (signed-in callers: an upload belongs to its uploader). */
    attachments: uploadTokensSchema.optional(),
  })
  .superRefine((submission, ctx) => {
    if (!submission.serviceId && !submission.categoryId) {
      ctx.addIssue({ code: "custom", path: ["categoryId"], message: "Choose a category." });
    }
  });
export type TicketSubmission = z.infer<typeof ticketSubmissionSchema>;

export const ticketSubmittedSchema = z.object({
  number: z.number().int(),
  subject: z.string(),
  email: z.string(),
});
export type TicketSubmitted = z.infer<typeof ticketSubmittedSchema>;

export const statusSchema = z.object({
  id: z.string(),
  agentLabel: z.string(),
  customerLabel: z.string(),
  category: z.enum(statusCategories),
});

export const ticketSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  subject: z.string(),
  priority: z.enum(priorities),
  status: statusSchema,
  category: z.object({ id: z.string(), name: z.string() }).nullable(),
  requester: z.object({ name: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The nearest service-level target still open (null when none runs); overdue once the server's clock passes it. */
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Where an attachment downloads from (and an inline image in a message is shown from): one place for both sides. */
export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}`;

export const ticketFieldValueSchema = z.object({
  /** The field's id (its translations are the field's: GET /api/v1/admin/translations/ticket-field/{id}). */
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.string(),
  /** A choice field's value is the option's stored value, in any language. */
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable(),
  /** What each chosen option reads as in the reader's language (the value itself without a label). */
  optionLabels: z.record(z.string(), z.string()).optional(),
});

/** A ticket's service levels as agents see them. "Overdue" means the nearest open target (dueAt) has passed. */
export const ticketServiceLevelSchema = z.object({
  policy: z.string().nullable(),
  firstResponseDueAt: z.iso.datetime().nullable(),
  resolutionDueAt: z.iso.datetime().nullable(),
  firstRespondedAt: z.iso.datetime().nullable(),
  dueAt: z.iso.datetime().nullable(),
  paused: z.boolean(),
  overdue: z.boolean(),
});
export type TicketServiceLevel = z.infer<typeof ticketServiceLevelSchema>;

/**
 * What the caller may do to this ticket now, computed by the server's ticket
 * policy (server/tickets/policy.ts) from who they are to the ticket and its
 * state. The web app shows an action only when its ability is true.
 */
export const ticketAbilitiesSchema = z.object({
  /** A public comment (for a finished request: one that reopens it). */
  reply: z.boolean(),
  /** Replying reopens the request (solved inside the reopen window, or a closed status that allows it). */
  reopen: z.boolean(),
  /** Private comments and internal notes. */
  note: z.boolean(),
  edit: z.boolean(),
  assign: z.boolean(),
  changeStatus: z.boolean(),
  /** "Mark as solved" (and "Mark as solved and send" with a comment). */
  solve: z.boolean(),
  withdraw: z.boolean(),
  followUp: z.boolean(),
  addCc: z.boolean(),
  /** Stop copying someone else. */
  removeCc: z.boolean(),
  /** Stop copying yourself. */
  leaveCc: z.boolean(),
  /** The agent tools: tasks, links, merge, macros. */
  work: z.boolean(),
  subscribe: z.boolean(),
});
export type TicketAbilities = z.infer<typeof ticketAbilitiesSchema>;

export const ticketDetailSchema = ticketSummarySchema.extend({
  /** Sanitised HTML when messageFormat is "html"; plain text otherwise (show it as text). */
  message: z.string(),
  messageFormat: z.enum(["text", "html"]),
  service: z.object({ id: z.string(), name: z.string() }).nullable(),
  ticketType: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The custom fields of the ticket's type that the caller may see, in order, with their values (null when empty). */
  fields: z.array(ticketFieldValueSchema),
  attachments: z.array(attachmentSchema),
  ccs: z.array(z.string()),
  /** The finished ticket this one follows up on, and the follow-ups made from this one. */
  followUpOf: z.number().int().nullable(),
  followUps: z.array(z.number().int()),
  /** While solved: until when a reply from the customer reopens it. */
  reopenUntil: z.iso.datetime().nullable(),
  /** The agent working it; customers see the name too, as in most help desks. */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The requester's organization (or department) it was filed under: agents only (null for customers). */
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The agent group it is with: agents only (null for customers). */
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Closed, but its status lets the customer reopen it by replying. */
  reopensOnReply: z.boolean(),
  /** Targets and the SLA clock, for agents only (null for customers and guests). */
  serviceLevel: ticketServiceLevelSchema.nullable(),
  abilities: ticketAbilitiesSchema,
  /** How the request came in: web, email, phone or walk_in. */
  channel: z.enum(["web", "email", "phone", "walk_in"]),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketViews = ["all", "mine", "department"] as const;

export const ticketListQuerySchema = z.object({
  /** all: everything the caller may see; mine: requested by them; department: their organizations' requests. */
  view: z.enum(ticketViews).default("all"),
  /** Only tickets in these statuses (repeat the parameter for several). */
  statusId: z
    .union([z.uuid(), z.array(z.uuid()).max(50)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  /** A ticket number (with or without #), or words from the subject. */
  q: z.string().trim().max(200).optional(),
  /** Agents: only tickets with this tag (repeat the parameter for tickets with all of several). */
  tag: z
    .union([tagSchema, z.array(tagSchema).max(20)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  sort: z.enum(["created", "updated"]).default("created"),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const ticketPageSchema = z.object({
  tickets: z.array(ticketSummarySchema),
  nextCursor: z.string().nullable(),
});
export type TicketPage = z.infer<typeof ticketPageSchema>;

/**
 * What customers and guests are sent: the status in their words only. The
 * agent label is internal (it may read "Escalated to vendor"), so the
 * customer-facing schemas do not have it at all; routes that serve both
 * kinds of reader answer with one of the two shapes.
 */
export const customerStatusSchema = statusSchema.omit({ agentLabel: true });
export const customerTicketSummarySchema = ticketSummarySchema.extend({ status: customerStatusSchema });
export const customerTicketPageSchema = ticketPageSchema.extend({ tickets: z.array(customerTicketSummarySchema) });
export const customerTicketDetailSchema = ticketDetailSchema.extend({ status: customerStatusSchema });
export const statusListSchema = z.object({ statuses: z.array(statusSchema) });
export const customerStatusListSchema = z.object({ statuses: z.array(customerStatusSchema) });

/** Drops the agent label from a status (and from anything that carries one) before it goes to a customer. */
export function forCustomer<T extends { status: { agentLabel: string } }>(
  item: T,
): Omit<T, "status"> & { status: Omit<T["status"], "agentLabel"> } {
  const { agentLabel: _, ...status } = item.status;
  return { ...item, status: status as Omit<T["status"], "agentLabel"> };
}

/**
 * How the web app reads these answers: for a customer, who has no agent
 * label, it reads as the customer label (the portal only shows that one).
 */
const readStatusSchema = customerStatusSchema
  .extend({ agentLabel: z.string().optional() })
  .transform((s) => ({ ...s, agentLabel: s.agentLabel ?? s.customerLabel }));
export const readTicketDetailSchema = ticketDetailSchema.extend({ status: readStatusSchema });
export const readTicketPageSchema = ticketPageSchema.extend({
  tickets: z.array(ticketSummarySchema.extend({ status: readStatusSchema })),
});
export const readStatusListSchema = z.object({ statuses: z.array(readStatusSchema) });
