/**
 * Recording what happens to a ticket. `recordEvent` writes the event row and
 * runs the reactions to it (service levels, automation, alerts, mail, …) in
 * the same transaction, in the order `server/reactions.ts` lists them. The
 * list is installed by whoever assembles the app (main, cli, the test setup)
 * rather than imported here, so `tickets/` does not depend on the features
 * that react to it.
 */
import type { Transaction } from "kysely";
import type { TicketEvent } from "../../common/ticket-events.ts";
import type { Config } from "../config.ts";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database, Visibility } from "../db/schema.ts";
import { lockTicket } from "./ticket-lock.ts";

/** Who did it, as the event row keeps it; `email` is for reactions (not to mail someone what they did). */
export type EventActor = { id: string | null; name: string; email?: string | null };

/** An event to record: its type and typed payload, and the ticket, actor, visibility and time. */
export type TicketEventInput = TicketEvent & {
  ticketId: string;
  actor: EventActor;
  visibility: Visibility;
  at: string;
};

/** An event as reactions see it: written, with its id. */
export type RecordedEvent = TicketEventInput & { id: string };

/** What reactions need beyond the transaction: the settings that shape mail and targets. */
export type ReactionContext = { config: Pick<Config, "baseUrl" | "reopenWindowDays"> };

/** Something that follows an event, in the event's own transaction. Each looks at the type and ignores the rest. */
export type Reaction = (trx: Transaction<Database>, ctx: ReactionContext, event: RecordedEvent) => Promise<void>;

/**
 * How deep reactions may nest: an event's reaction records another event
 * (a trigger changes the priority) whose reactions run too (the targets are
 * worked out again). Anything deeper is a loop between reactions.
 */
export const maxReactionDepth = 3;

let installed: readonly Reaction[] | null = null;
const depths = new WeakMap<Transaction<Database>, number>();

/** Sets the reactions every recorded event runs; called once where the app is assembled. */
export function installReactions(reactions: readonly Reaction[]): void {
  installed = reactions;
}

/**
 * Writes the event and runs its reactions. Takes a transaction, not a
 * database: an event is only ever written together with the change it
 * records, and what follows from it commits or rolls back with both.
 */
export async function recordEvent(
  trx: Transaction<Database>,
  ctx: ReactionContext,
  event: TicketEventInput,
): Promise<string> {
  if (!installed) throw new Error("No reactions installed: call installReactions() where the app is assembled.");
  const depth = depths.get(trx) ?? 0;
  if (depth >= maxReactionDepth) {
    throw new Error(`Reactions nested more than ${maxReactionDepth} deep at a "${event.type}" event: a loop?`);
  }
  // Reactions read the ticket as it stands: no other change to it may run beside them (ticket-lock.ts).
  await lockTicket(trx, event.ticketId);
  const id = newId();
  await trx
    .insertInto("ticket_events")
    .values({
      id,
      ticket_id: event.ticketId,
      type: event.type,
      actor_id: event.actor.id,
      actor_name: event.actor.name,
      visibility: event.visibility,
      payload: encodeJson(event.payload),
      created_at: event.at,
    })
    .execute();
  depths.set(trx, depth + 1);
  try {
    for (const react of installed) await react(trx, ctx, { ...event, id });
  } finally {
    depths.set(trx, depth);
  }
  return id;
}
