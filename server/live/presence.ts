import type { PresenceNotice, PresenceState } from "../../common/live.ts";
import { presenceHeartbeatMs } from "../../common/live.ts";

/** A page that missed two heartbeats is gone (closed without saying so, or its network dropped). */
export const viewingTtlMs = presenceHeartbeatMs * 2 + 10_000;
/** Typing is sent while keys are pressed; a pause this long means they stopped. */
export const typingTtlMs = 6_000;

export type PresencePerson = { userId: string; name: string };
export type PresenceChange = { ticketId: string; number: number };
type Entry = PresencePerson & { state: PresenceState; seenUntil: number; typingUntil: number };

export type PresenceBoard = {
  /** Records a heartbeat; true when what others see changed. */
  touch: (ticket: PresenceChange, person: PresencePerson, state: PresenceState | "left") => boolean;
  people: (ticketId: string) => PresenceNotice["people"];
  /** Drops what has expired and returns the tickets whose presence changed. */
  sweep: () => PresenceChange[];
};

/** Who has which ticket open, in this process's memory; instances share heartbeats through the live bus. */
export function createPresenceBoard(clock: () => number = Date.now): PresenceBoard {
  const tickets = new Map<string, { number: number; entries: Map<string, Entry> }>();

  const stateOf = (entry: Entry, at: number): PresenceState => (entry.typingUntil > at ? "typing" : "viewing");

  return {
    touch(ticket, person, state) {
      const at = clock();
      let room = tickets.get(ticket.ticketId);
      if (state === "left") {
        const removed = room?.entries.delete(person.userId) ?? false;
        if (room && room.entries.size === 0) tickets.delete(ticket.ticketId);
        return removed;
      }
      if (!room) {
        room = { number: ticket.number, entries: new Map() };
        tickets.set(ticket.ticketId, room);
      }
      const before = room.entries.get(person.userId);
      const entry: Entry = {
        ...person,
        state,
        seenUntil: at + viewingTtlMs,
        // The page says which it is: a "viewing" heartbeat means the comment was sent or the draft abandoned.
        typingUntil: state === "typing" ? at + typingTtlMs : 0,
      };
      entry.state = stateOf(entry, at);
      room.entries.set(person.userId, entry);
      return !before || before.state !== entry.state || before.name !== entry.name;
    },
    people(ticketId) {
      const room = tickets.get(ticketId);
      if (!room) return [];
      return [...room.entries.values()]
        .map(({ userId, name, state }) => ({ userId, name, state }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    sweep() {
      const at = clock();
      const changed: PresenceChange[] = [];
      for (const [ticketId, room] of tickets) {
        let dirty = false;
        for (const [userId, entry] of room.entries) {
          if (entry.seenUntil <= at) {
            room.entries.delete(userId);
            dirty = true;
          } else if (entry.state !== stateOf(entry, at)) {
            entry.state = stateOf(entry, at);
            dirty = true;
          }
        }
        if (dirty) changed.push({ ticketId, number: room.number });
        if (room.entries.size === 0) tickets.delete(ticketId);
      }
      return changed;
    },
  };
}
