/**
 * The metrics reaction switched on (and timed) or off in the app a bench started, for bench:create and
 * bench:update. buildApp installs every reaction; this swaps the installed list, so nothing in the server reads a
 * switch. The time inside the reaction is its CPU when one connection runs (nothing else runs while it awaits:
 * SQLite answers at once), measured in the same run as the changes it is part of.
 */
import { ticketEventReactions } from "../server/reactions.ts";
import { metricsReaction } from "../server/reports/reactions.ts";
import { installReactions, type Reaction } from "../server/tickets/events.ts";

export type MetricsSwitch = { on: () => void; off: () => void; ms: () => number };

export function metricsSwitch(): MetricsSwitch {
  let spent = 0;
  const timed: Reaction = async (trx, ctx, event) => {
    const began = performance.now();
    try {
      await metricsReaction(trx, ctx, event);
    } finally {
      spent += performance.now() - began;
    }
  };
  return {
    on: () => installReactions(ticketEventReactions.map((r) => (r === metricsReaction ? timed : r))),
    off: () => installReactions(ticketEventReactions.filter((r) => r !== metricsReaction)),
    ms: () => spent,
  };
}
