import { z } from "zod";

/**
 * The ticket events an endpoint may subscribe to, with the label the admin page shows. "viewed" is left
 * out on purpose: it fires on every page view and says nothing an integration can act on.
 * (server/webhooks/enqueue.ts checks at compile time that this list covers every other event type.)
 */
export const webhookEventLabels = {
  created: "Ticket created",
  comment: "Public reply",
  note: "Internal note",
  status_changed: "Status changed",
  edited: "Ticket edited",
  priority_changed: "Priority changed",
  cc_added: "CC added",
  cc_removed: "CC removed",
  follow_up_created: "Follow-up created",
  task_added: "Task added",
  task_edited: "Task changed",
  task_completed: "Task completed",
  task_reopened: "Task reopened",
  task_removed: "Task removed",
  merged_into: "Merged into another ticket",
  merged_from: "Another ticket merged in",
  linked: "Tickets linked",
  unlinked: "Tickets unlinked",
  sla_due: "Service level target due soon",
  sla_overdue: "Service level target missed",
  automation_applied: "Automation applied",
  satisfaction_rated: "Satisfaction rated",
  comment_edited: "Comment edited",
  comment_deleted: "Comment removed",
  tag_added: "Tag added",
  tag_removed: "Tag removed",
  deleted: "Ticket deleted",
  restored: "Ticket restored",
} as const;
export type WebhookEventType = keyof typeof webhookEventLabels;
export const webhookEventTypes = Object.keys(webhookEventLabels) as [WebhookEventType, ...WebhookEventType[]];

/** The event a "Send test event" delivers: no ticket, so receivers can tell it apart. */
export const webhookTestEventType = "ping";

const ids = z.array(z.uuid({ error: "Choose from the list." })).max(200);

export const webhookInputSchema = z.object({
  url: z
    .string({ error: "Enter the address to send events to." })
    .trim()
    .min(1, "Enter the address to send events to.")
    .max(2000, "Keep the address under 2000 characters.")
    .refine((value) => URL.canParse(value), "Enter a full address, like https://example.com/hooks/switchboard."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
  events: z
    .array(z.enum(webhookEventTypes, { error: "Choose events from the list." }))
    .min(1, "Choose at least one event to send.")
    .max(webhookEventTypes.length),
  /** Only tickets in these groups; empty means any. */
  groupIds: ids.default([]),
  /** Only tickets of these types; empty means any. */
  ticketTypeIds: ids.default([]),
  /** Internal events (notes, tasks) carry what customers never see; off unless an admin says otherwise. */
  includeInternal: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  groupIds: z.array(z.string()),
  ticketTypeIds: z.array(z.string()),
  includeInternal: z.boolean(),
  active: z.boolean(),
  /** Failed attempts in a row; at the configured limit the endpoint is switched off. */
  consecutiveFailures: z.number().int(),
  /** Why it was switched off automatically; null when an admin switched it (or it is on). */
  disabledReason: z.string().nullable(),
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });

/** The signing secret is shown once, when made or rotated; nothing returns it later. */
export const webhookSecretSchema = z.object({ id: z.string(), secret: z.string() });

export const webhookDeliveryStatuses = ["pending", "retrying", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
export const webhookDeliveryKinds = ["event", "test", "redelivery"] as const;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  kind: z.enum(webhookDeliveryKinds),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The start of what the receiver answered (at most 1000 characters). */
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  /** The JSON body exactly as sent; null to a reader who may not see every ticket (`tickets.view_all`). */
  requestBody: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export const webhookDetailSchema = z.object({ webhook: webhookSchema });
