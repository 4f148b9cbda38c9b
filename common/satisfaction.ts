/**
 * Satisfaction surveys (CSAT): after a ticket is solved the requester is asked
 * "How would you rate the support you received?" and answers Good or Bad, with
 * an optional comment and, for Bad, a reason from the admin's list.
 */
import { z } from "zod";

export const satisfactionRatings = ["good", "bad"] as const;
export type SatisfactionRating = (typeof satisfactionRatings)[number];
export const satisfactionRatingLabels: Record<SatisfactionRating, string> = { good: "Good", bad: "Bad" };

export const satisfactionCommentMaxLength = 2000;

/** What the requester sends from the survey page or their ticket page. */
export const satisfactionInputSchema = z.object({
  rating: z.enum(satisfactionRatings, { error: "Choose Good or Bad." }),
  comment: z
    .string()
    .trim()
    .max(satisfactionCommentMaxLength, `Keep the comment under ${satisfactionCommentMaxLength} characters.`)
    .optional()
    .transform((c) => (c ? c : null)),
  /** One of the admin's reasons; only kept with a Bad rating. */
  reasonId: z.string().max(64).nullable().optional(),
});
export type SatisfactionInput = z.output<typeof satisfactionInputSchema>;

const reasonSchema = z.object({ id: z.string(), label: z.string() });
export const satisfactionReasonListSchema = z.object({ reasons: z.array(reasonSchema) });
export const satisfactionReasonInputSchema = z.object({
  label: z
    .string({ error: "Enter the reason." })
    .trim()
    .min(1, "Enter the reason.")
    .max(120, "Keep the reason under 120 characters."),
  position: z.number().int().min(0).max(1000).default(0),
});

/** The answer a ticket has, as the requester and the agents see it. */
export const satisfactionAnswerSchema = z.object({
  rating: z.enum(satisfactionRatings),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  ratedAt: z.iso.datetime(),
});
export type SatisfactionAnswer = z.infer<typeof satisfactionAnswerSchema>;

/** One ticket's survey: its answer so far, whether it may still change, and the reasons to choose from. */
export const ticketSatisfactionSchema = z.object({
  answer: satisfactionAnswerSchema.nullable(),
  /** When the survey mail went out; null when none was sent (yet). */
  surveySentAt: z.iso.datetime().nullable(),
  /** The one asking may rate (or change the rating) now. */
  canRate: z.boolean(),
  reasons: z.array(reasonSchema),
});
export type TicketSatisfaction = z.infer<typeof ticketSatisfactionSchema>;

/** The survey behind a link: enough to show the page, nothing about anyone else. */
export const surveySchema = ticketSatisfactionSchema.extend({
  ticketNumber: z.number().int(),
  subject: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyDelayMaxMinutes = 14 * 24 * 60;

/** The admin's settings: surveys on or off, how long after solving they go out, and who never sends them. */
export const satisfactionSettingsSchema = z.object({
  enabled: z.boolean(),
  delayMinutes: z
    .number({ error: "Enter the delay in minutes." })
    .int("Enter whole minutes.")
    .min(0, "The delay cannot be negative.")
    .max(surveyDelayMaxMinutes, "Send the survey within 14 days of solving."),
  /** Tickets of these groups get no survey. */
  excludedGroupIds: z.array(z.string().max(64)).max(500),
  /** Tickets from these services get no survey. */
  excludedServiceIds: z.array(z.string().max(64)).max(500),
});
export type SatisfactionSettings = z.infer<typeof satisfactionSettingsSchema>;
