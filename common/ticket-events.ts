/**
 * Everything that happens to a ticket, as one typed union keyed by `type`.
 * The server writes these (server/tickets/events.ts `recordEvent`) and every
 * reader (the Feed, Read By, live updates, mail, reactions) gets the payload
 * parsed against the schema of its type: one definition, no casts.
 */
import { z } from "zod";
import { automationOutcomeListSchema } from "./automation.ts";
import { ticketChannels } from "./new-ticket.ts";
import { priorities } from "./tickets.ts";

const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), size: z.number() });
const ticketRefSchema = z.object({ number: z.number().int() });
const taskSchema = z.object({ taskId: z.string(), title: z.string() });
/** The ticket's own fields an edit can change; custom fields are named by their label alone. */
export const editableTicketFields = ["subject", "priority", "category", "assignee", "group", "type"] as const;
export type EditableTicketField = (typeof editableTicketFields)[number];

/** One line of an edit: a field's label and its value before and after, as people read it. */
export const fieldChangeSchema = z.object({
  label: z.string(),
  /** Which of the ticket's own fields, so readers name it in their language (edits stored before it: none). */
  field: z.enum(editableTicketFields).optional(),
  /**
   * Which custom field (its id), so readers get its label in their language, translation or `label` (edits
   * stored before it: none, read by `label`).
   */
  fieldId: z.string().optional(),
  /**
   * A choice field's options before and after, as the ticket stored them (values, not labels), so readers get
   * each option's label in their language; `from` and `to` say the same values joined, in the default language.
   */
  options: z.object({ from: z.array(z.string()), to: z.array(z.string()) }).optional(),
  /**
   * A checkbox's state before and after (null: no value), so readers get "yes" and "no" in their language;
   * `from` and `to` say them in English (edits stored before it: none, read as stored).
   */
  checked: z.object({ from: z.boolean().nullable(), to: z.boolean().nullable() }).optional(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const commentPayload = z.object({
  /** Sanitised HTML when format is html. */
  body: z.string(),
  format: z.enum(["text", "html"]),
  kind: z.enum(["public", "private", "note"]),
  attachments: z.array(attachmentSchema).optional(),
  channel: z.enum(ticketChannels).optional(),
  /** Who among the requester and CCs is mailed this public comment; everyone when absent. */
  notify: z.array(z.string()).optional(),
  /** Written by an agent working the ticket, not a reply from the customer's side (meets the first-response target). */
  fromAgent: z.boolean().optional(),
  /** A customer's reply that moves the ticket (waiting → open, solved → reopened): the status it moves to; its own status_changed event follows. */
  movesTo: z.string().optional(),
});

const event = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload });

export const ticketEventSchema = z.discriminatedUnion("type", [
  event(
    "created",
    z.object({
      subject: z.string(),
      priority: z.enum(priorities),
      categoryId: z.string().nullable(),
      serviceId: z.string().optional(),
      fields: z.record(z.string(), z.unknown()).optional(),
      attachments: z.array(attachmentSchema).optional(),
      channel: z.enum(ticketChannels).optional(),
      /** An agent opened it for someone (phone, walk-in). */
      onBehalfOf: z.object({ id: z.string().nullable(), name: z.string() }).optional(),
      /**
       * The requester is sent "we received your request". Trusted words (a signed-in requester, an agent
       * filing for a customer) are echoed in full; otherwise only once the address is proven someone's.
       */
      confirmation: z.object({ trusted: z.boolean() }).optional(),
    }),
  ),
  event("comment", commentPayload),
  event("note", commentPayload),
  event(
    "status_changed",
    z.object({
      /** Status ids; readers show the label their audience knows. */
      from: z.string(),
      to: z.string(),
      /** Why: agent, macro, customer_replied, customer_reopened, customer_solved, withdrawn, auto_closed, merged. */
      reason: z.string(),
      /** The reason's words when it was chosen, and (since 0089) its id, for its words in the reader's language. */
      withdrawReason: z.string().optional(),
      withdrawReasonId: z.string().optional(),
      macro: z.string().optional(),
    }),
  ),
  event("viewed", z.object({ role: z.enum(["agent", "customer"]) })),
  event(
    "cc_added",
    z.object({
      email: z.string(),
      channel: z.literal("email").optional(),
      /** Copied over from a duplicate merged into this ticket. */
      mergedFrom: z.number().int().optional(),
    }),
  ),
  event("cc_removed", z.object({ email: z.string() })),
  event("follow_up_created", ticketRefSchema),
  event(
    "edited",
    z.object({
      changes: z.array(fieldChangeSchema),
      /** Set when the assignee changed (internal edits only): who now works the ticket. */
      assigneeId: z.string().nullable().optional(),
      /**
       * The new values of what service level policies match on, when one of them changed (on the first of an
       * edit's events only), so the targets are worked out again once.
       */
      priority: z.enum(priorities).optional(),
      groupId: z.string().nullable().optional(),
      ticketTypeId: z.string().nullable().optional(),
    }),
  ),
  event(
    "task_added",
    taskSchema.extend({ assigneeId: z.string().nullable().optional(), dueOn: z.string().nullable().optional() }),
  ),
  event(
    "task_edited",
    taskSchema.extend({ assigneeId: z.string().nullable().optional(), dueOn: z.string().nullable().optional() }),
  ),
  event("task_completed", taskSchema),
  event("task_reopened", taskSchema),
  event("task_removed", taskSchema),
  event("merged_into", ticketRefSchema),
  event("merged_from", ticketRefSchema.extend({ subject: z.string() })),
  event("linked", ticketRefSchema),
  event("unlinked", ticketRefSchema),
  event(
    "priority_changed",
    z.object({ from: z.enum(priorities), to: z.enum(priorities), macro: z.string().optional() }),
  ),
  event("sla_due", z.object({ dueAt: z.string().nullable() })),
  event("sla_overdue", z.object({ dueAt: z.string().nullable() })),
  /** The requester answered the satisfaction survey (or changed their answer) after the ticket was solved. */
  event(
    "satisfaction_rated",
    z.object({
      rating: z.enum(["good", "bad"]),
      /** The answer this one replaces, when the requester changed their mind. */
      previous: z.enum(["good", "bad"]).nullable().optional(),
      comment: z.string().nullable().optional(),
      reason: z.string().nullable().optional(),
    }),
  ),
  /**
   * An agent changed the words of a comment or note (`commentId`: the comment's own event, which is never
   * rewritten). The text before is kept here, so the Feed keeps every revision; its visibility is the comment's.
   */
  event(
    "comment_edited",
    z.object({
      commentId: z.string(),
      before: z.string(),
      after: z.string(),
      format: z.enum(["text", "html"]),
    }),
  ),
  /** An agent removed a comment or note: the Feed shows who removed it instead of its words. */
  event("comment_deleted", z.object({ commentId: z.string(), author: z.string() })),
  event("tag_added", z.object({ tag: z.string() })),
  event("tag_removed", z.object({ tag: z.string() })),
  /** An admin deleted the ticket (restorable until it is purged) or brought it back. */
  event("deleted", z.object({ purgeAfter: z.string() })),
  event("restored", z.object({})),
  event(
    "automation_applied",
    z.object({
      ruleId: z.string(),
      rule: z.string(),
      /** What the rule did, in English (all that events recorded before `outcome` say). */
      summary: z.string(),
      /** What the rule did, as codes the Feed words in the reader's language (events before issue 20: none). */
      outcome: automationOutcomeListSchema.optional(),
      groupId: z.string().optional(),
      priority: z.enum(priorities).optional(),
    }),
  ),
]);

/** One ticket event: its type and the payload that type carries. */
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type TicketEventType = TicketEvent["type"];
/** The payload of one type of event. */
export type PayloadOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>["payload"];
export const ticketEventTypes: TicketEventType[] = ticketEventSchema.options.map((o) => o.shape.type.value);

/**
 * The events the Feed shows. Read By reads "viewed"; service levels keep
 * their own log for theirs (automation has a log too, and shows to agents in
 * the Feed as well). `satisfies` makes adding a type to the union a compile
 * error here until it is placed on one side.
 */
export const feedEntryTypes = [
  "created",
  "comment",
  "note",
  "status_changed",
  "edited",
  "cc_added",
  "cc_removed",
  "follow_up_created",
  // Agent tools: tasks, links and priority changes are internal; "merged_into" is what the duplicate's readers see.
  "task_added",
  "task_edited",
  "task_completed",
  "task_reopened",
  "task_removed",
  "merged_into",
  "merged_from",
  "linked",
  "unlinked",
  "priority_changed",
  // Satisfaction answers are internal: agents read them in the Feed; the requester sees theirs on the survey page.
  "satisfaction_rated",
  // Issue 17: comment edits and removals (with the comment's visibility), tags and deletion (internal).
  "comment_edited",
  "comment_deleted",
  "tag_added",
  "tag_removed",
  "deleted",
  "restored",
  // Issue 20: what a trigger or time rule did (internal), worded in the reader's language like the rest.
  "automation_applied",
] as const satisfies readonly TicketEventType[];
export type FeedEntryType = (typeof feedEntryTypes)[number];
const notInFeed = ["viewed", "sla_due", "sla_overdue"] as const satisfies readonly TicketEventType[];
export type NotInFeedType = (typeof notInFeed)[number];
// Every type is either in the Feed or deliberately not: this line fails to compile when a new type is in neither.
type Unplaced = Exclude<TicketEventType, FeedEntryType | NotInFeedType>;
export const everyEventTypePlaced: [Unplaced] extends [never] ? true : Unplaced = true;

/** Parses a stored row's type and payload; null for a row that no schema describes (never written by this version). */
export function parseTicketEvent(type: string, payload: unknown): TicketEvent | null {
  const parsed = ticketEventSchema.safeParse({ type, payload: payload ?? {} });
  return parsed.success ? parsed.data : null;
}
