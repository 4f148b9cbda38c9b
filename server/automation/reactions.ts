/** Admin-defined triggers act on a ticket as it is created, and when its requester rates the support Bad. */
import type { Reaction } from "../tickets/events.ts";
import { runCreationTriggers, runRatedBadTriggers } from "./run-rules.ts";

export const automationReaction: Reaction = async (trx, { config }, event) => {
  if (event.type === "created") await runCreationTriggers(trx, config, event.ticketId, event.at);
  // A Bad answer fires once; changing only the comment or reason of a Bad answer does not fire again.
  if (event.type === "satisfaction_rated" && event.payload.rating === "bad" && event.payload.previous !== "bad")
    await runRatedBadTriggers(trx, config, event.ticketId, event.id, event.payload, event.at);
};
