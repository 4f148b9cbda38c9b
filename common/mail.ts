import { z } from "zod";

export const devMailSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export const devMailboxSchema = z.object({ messages: z.array(devMailSummarySchema) });
/**
 * Narrows the dev mailbox to one recipient and a part of the subject. The list holds the newest 100 only, and
 * "newest" is the time a message was made: a caller waiting for its own mail asks for it, so a burst of other
 * mail (or mail stamped later by a moved test clock) cannot push it out of sight.
 */
export const devMailboxQuerySchema = z.object({
  to: z.string().trim().max(320).optional(),
  subject: z.string().trim().max(200).optional(),
});
export const devMailSchema = devMailSummarySchema.extend({
  messageId: z.string(),
  /** Where a reply goes (a ticket's signed reply address when a mailbox takes mail in); null when unset. */
  replyTo: z.string().nullable(),
  text: z.string(),
  html: z.string(),
});
export type DevMail = z.infer<typeof devMailSchema>;
