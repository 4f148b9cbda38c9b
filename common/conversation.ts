import { z } from "zod";
import { automationOutcomeSchema } from "./automation.ts";
import { ticketChannels } from "./new-ticket.ts";
import { satisfactionRatings } from "./satisfaction.ts";
import { hasVisibleText, visibleLine } from "./text.ts";
import { editableTicketFields, feedEntryTypes } from "./ticket-events.ts";
import { messageMaxLength, priorities } from "./tickets.ts";
import { uploadTokensSchema } from "./uploads.ts";

/** public: everyone on the ticket sees it; private: agents only (a comment); note: agents only (an internal note). */
export const commentKinds = ["public", "private", "note"] as const;
export type CommentKind = (typeof commentKinds)[number];

export const commentInputSchema = z.object({
  body: z
    .string({ error: "Write a comment." })
    .trim()
    .min(1, "Write a comment.")
    .max(messageMaxLength, `Keep the comment under ${messageMaxLength.toLocaleString("en")} characters.`)
    .refine(hasVisibleText, "Write a comment."),
  format: z.enum(["text", "html"]).default("text"),
  kind: z.enum(commentKinds, { error: "Choose public, private or note." }).default("public"),
  /** Who among the requester and CCs gets this public comment by mail; everyone when left out. */
  notify: z.array(z.string().trim().toLowerCase().max(254)).max(50).optional(),
  /** Standalone uploads to attach, by their tokens. */
  attachments: uploadTokensSchema.optional(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

/** A comment's new words (its kind and files stay as they were). */
export const commentEditSchema = z.object({
  body: commentInputSchema.shape.body,
  format: z.enum(["text", "html"]).optional(),
});
export type CommentEdit = z.infer<typeof commentEditSchema>;

/** One comment or note, as GET /api/v1/tickets/{number}/comments/{id} answers: its latest words. */
export const commentSchema = z.object({
  id: z.string(),
  kind: z.enum(commentKinds),
  author: z.string(),
  at: z.iso.datetime(),
  body: z.string(),
  format: z.enum(["text", "html"]),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
  /** When its words last changed; null when never edited. */
  editedAt: z.iso.datetime().nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

/**
 * One part of a Feed entry's detail line, as a code and its values, so each reader words it in their own
 * language (web/ui/feed-details.ts). Names, titles, tags and admin-entered reasons are passed as they are.
 */
export const feedDetailSchema = z.discriminatedUnion("code", [
  /** An agent opened the request for someone, and how it came in. */
  z.object({ code: z.literal("onBehalfOf"), name: z.string(), channel: z.enum(ticketChannels).nullable() }),
  /** Why the request was withdrawn, or why a rating was bad (the reason's text as chosen or written). */
  z.object({ code: z.literal("reason"), reason: z.string() }),
  z.object({ code: z.literal("followUp"), number: z.number().int() }),
  /** Someone copied or no longer copied. */
  z.object({ code: z.literal("person"), email: z.string() }),
  /**
   * One field of an edit: `field` names the ticket's own fields (null: a custom field, named by `label`);
   * for the priority, `from` and `to` are priority codes (low, medium, high, urgent). null: no value.
   * A checkbox also says its state as `checked` (null: no value), which readers word as yes or no; its `from`
   * and `to` say the same in English.
   */
  z.object({
    code: z.literal("change"),
    field: z.enum(editableTicketFields).nullable(),
    label: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    checked: z.object({ from: z.boolean().nullable(), to: z.boolean().nullable() }).optional(),
  }),
  z.object({ code: z.literal("task"), title: z.string() }),
  /** Another ticket, named only when the reader may open it; its subject when the entry shows it. */
  z.object({ code: z.literal("ticket"), number: z.number().int(), subject: z.string().nullable() }),
  z.object({ code: z.literal("priority"), from: z.enum(priorities), to: z.enum(priorities) }),
  /** A satisfaction rating, and the one it replaced when the requester changed their mind. */
  z.object({
    code: z.literal("rating"),
    rating: z.enum(satisfactionRatings),
    previous: z.enum(satisfactionRatings).nullable(),
  }),
  z.object({ code: z.literal("commentBy"), author: z.string() }),
  z.object({ code: z.literal("tag"), tag: z.string() }),
  /** One thing an automation rule did (common/automation.ts), as the admin page's log says it. */
  z.object({ code: z.literal("automation"), did: automationOutcomeSchema }),
  /** What a rule did, recorded before issue 20 only as an English sentence: shown as it is. */
  z.object({ code: z.literal("automationSummary"), summary: z.string() }),
]);
export type FeedDetail = z.infer<typeof feedDetailSchema>;

export const feedEntrySchema = z.object({
  id: z.string(),
  /** The Feed shows these event types (common/ticket-events.ts). */
  type: z.enum(feedEntryTypes),
  /** Who did it, by name; for automation_applied, the rule's name. */
  actor: z.string(),
  at: z.iso.datetime(),
  /** internal entries (private comments, notes) are only ever sent to agents. */
  visibility: z.enum(["public", "internal"]),
  body: z.string().nullable(),
  format: z.enum(["text", "html"]).nullable(),
  /** status_changed: the labels the reader is meant to see (customer labels for customers). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Files that came with the request or the comment; downloaded from /api/v1/attachments/:id. */
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
  /**
   * Anything else worth a line: a withdrawal's reason, a follow-up's number, who was copied — in English.
   * Kept for older clients; `details` says the same as codes and values, to be worded in the reader's language.
   */
  detail: z.string().nullable(),
  /** The detail line's parts, in order (empty when there is none). */
  details: z.array(feedDetailSchema),
  /** A comment or note whose words were changed since (its body is the latest text); false for anything else. */
  edited: z.boolean(),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;
export const feedSchema = z.object({ entries: z.array(feedEntrySchema) });

export const readBySchema = z.object({
  readers: z.array(z.object({ name: z.string(), role: z.enum(["agent", "customer"]), at: z.iso.datetime() })),
});

// Strict: the request check refuses unknown keys at the top level only, and a misspelt `kind` here ({"kindd": "note"})
// sent the agent's note to the requester as a public reply.
const optionalComment = commentInputSchema.strict().optional();

export const statusChangeSchema = z.object({
  statusId: z.uuid({ error: "Choose a status from the list." }),
  comment: optionalComment,
});
export const solveSchema = z.object({ comment: optionalComment });
export const withdrawSchema = z.object({
  reasonId: z.uuid({ error: "Choose a reason from the list." }),
  comment: optionalComment,
});
export const withdrawReasonListSchema = z.object({ reasons: z.array(z.object({ id: z.string(), label: z.string() })) });
/** How many people a ticket copies, however they were added. */
export const ticketCcLimit = 20;
export const ccSchema = z.object({
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .max(254)
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
});
export const followUpSchema = z.object({
  subject: z
    .string({ error: "Enter a subject." })
    .trim()
    .overwrite(visibleLine)
    .min(1, "Enter a subject.")
    .max(200, "Keep the subject under 200 characters."),
  message: z.string({ error: "Describe what you need." }).trim().min(1, "Describe what you need.").max(20_000),
  messageFormat: z.enum(["text", "html"]).default("text"),
});

export const withdrawReasonInputSchema = z.object({
  label: z
    .string({ error: "Enter the reason." })
    .trim()
    .min(1, "Enter the reason.")
    .max(120, "Keep the reason under 120 characters."),
  position: z.number().int().min(0).max(1000).default(0),
});
