import { z } from "zod";

/**
 * What the live stream (GET /api/v1/live, server-sent events) carries. It never
 * carries what was written, only that something happened: the page refetches
 * through the ordinary, authorized endpoints.
 */

/** `event: ticket` — a ticket the subscriber may see changed. Internal entries reach only agents. */
export const liveTicketNoticeSchema = z.object({
  number: z.number().int(),
  /** The event type (created, comment, note, status_changed, viewed, …); lets pages skip what they do not show. */
  type: z.string(),
  /** Public entries are seen by the customer too; internal ones (notes, private comments) only by agents. */
  public: z.boolean(),
  /** Who did it: a user id, or null for a guest or the system. */
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type LiveTicketNotice = z.infer<typeof liveTicketNoticeSchema>;

export const presenceStates = ["viewing", "typing"] as const;
export type PresenceState = (typeof presenceStates)[number];

/** `event: presence` — everyone with the ticket open right now (agents only ever receive this). */
export const presenceNoticeSchema = z.object({
  number: z.number().int(),
  people: z.array(z.object({ userId: z.string(), name: z.string(), state: z.enum(presenceStates) })),
});
export type PresenceNotice = z.infer<typeof presenceNoticeSchema>;

/** A heartbeat from an agent's ticket page; "left" when the page closes. */
export const presenceInputSchema = z.object({ state: z.enum([...presenceStates, "left"]) });
export type PresenceInput = z.infer<typeof presenceInputSchema>;

export const liveQuerySchema = z.object({
  /** A ticket number whose page is open: its presence is sent (to agents) as well. */
  ticket: z.string().max(20).optional(),
});

/** How often pages repeat "still here", and how long the server believes them. */
export const presenceHeartbeatMs = 15_000;
