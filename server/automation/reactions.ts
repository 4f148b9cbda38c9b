/** Admin-defined triggers act on a ticket as it is created, inside its transaction. */
import type { Reaction } from "../tickets/events.ts";
import { runCreationTriggers } from "./run-rules.ts";

export const automationReaction: Reaction = async (trx, { config }, event) => {
  if (event.type === "created") await runCreationTriggers(trx, config, event.ticketId, event.at);
};
