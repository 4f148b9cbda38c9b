import { z } from "zod";

export const devMailSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export const devMailboxSchema = z.object({ messages: z.array(devMailSummarySchema) });
export const devMailSchema = devMailSummarySchema.extend({
  messageId: z.string(),
  /** Where a reply goes (a ticket's signed reply address when a mailbox takes mail in); null when unset. */
  replyTo: z.string().nullable(),
  text: z.string(),
  html: z.string(),
});
export type DevMail = z.infer<typeof devMailSchema>;
