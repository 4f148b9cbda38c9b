import { z } from "zod";

/** A deleted ticket waiting for restore or purge, as the admin's "Deleted tickets" list shows it. */
export const deletedTicketSchema = z.object({
  number: z.number().int(),
  subject: z.string(),
  requester: z.string(),
  deletedAt: z.iso.datetime(),
  deletedBy: z.string(),
  /** After this the purge job removes it for good; until then an admin can restore it. */
  purgeAfter: z.iso.datetime(),
});
export type DeletedTicket = z.infer<typeof deletedTicketSchema>;
export const deletedTicketListSchema = z.object({ tickets: z.array(deletedTicketSchema) });
