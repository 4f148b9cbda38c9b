import type { FastifyBaseLogger } from "fastify";
import type { LiveTicketNotice, PresenceNotice, PresenceState } from "../../common/live.ts";
import { type Actor, hasPermission } from "../core/actor.ts";
import type { AppContext } from "../core/context.ts";
import { now } from "../db/engine.ts";
import { seesInternal, ticketScope } from "../tickets/policy.ts";
import { createLiveBus, type PresenceMessage } from "./bus.ts";
import { createPresenceBoard, type PresenceChange, type PresencePerson } from "./presence.ts";
import { createEventPump } from "./pump.ts";
import { currentPermissions, liveSessionIds, type RecentEvent, visibleTicketIds } from "./queries.ts";

export type LiveSubscriber = {
  actor: Actor;
  /**
   * The API token a stream was opened with (null for a browser's session): a bearer stream has no session, so
   * revoking the token, or its expiry, is what ends it.
   */
  apiTokenId: string | null;
  /** The ticket whose page is open, if any: its presence is sent too. */
  watching: PresenceChange | null;
  send: (event: "ticket" | "presence", data: LiveTicketNotice | PresenceNotice) => void;
  end: () => void;
};

export type LiveHub = {
  subscribe: (subscriber: LiveSubscriber) => () => void;
  touchPresence: (ticket: PresenceChange, person: PresencePerson, state: PresenceState | "left") => Promise<void>;
  presence: (ticketId: string) => PresenceNotice["people"];
  close: () => Promise<void>;
};

export type LiveTiming = {
  /** How often the pump reads when nothing wakes it (SQLite, or PostgreSQL without a URL to LISTEN on). */
  pollMs: number;
  /** The safety-net poll when PostgreSQL NOTIFY wakes the pump on every commit. */
  listeningPollMs: number;
  lookbackMs: number;
  sweepMs: number;
  /** How often open streams' sessions are checked: signing out or a disabled account ends them within this. */
  sessionCheckMs: number;
};
export const defaultLiveTiming: LiveTiming = {
  pollMs: 1000,
  listeningPollMs: 5000,
  lookbackMs: 15_000,
  sweepMs: 2000,
  sessionCheckMs: 30_000,
};

/** Agents see who else is on a ticket; customers and guests never learn it. */
export function seesPresence(actor: Actor): boolean {
  return hasPermission(actor, "tickets.work");
}

/** Subscribers with the same identity and permissions see the same tickets: one scope query serves them all. */
function scopeKey(actor: Actor): string {
  if (actor.kind === "user") return `user:${actor.user.id}:${actor.user.permissions.join(",")}`;
  if (actor.kind === "guest") return `guest:${actor.ticketId}`;
  return "anonymous";
}

/**
 * The process's live updates: an event pump over `ticket_events`, presence, and
 * the open streams. Everything a subscriber receives has passed `ticketScope`
 * for that subscriber, and internal entries reach only those who see them.
 */
export function createLiveHub(
  { db, engine, config }: AppContext,
  logger: FastifyBaseLogger,
  timing: LiveTiming = defaultLiveTiming,
): LiveHub {
  const subscribers = new Set<LiveSubscriber>();
  const board = createPresenceBoard();
  let sweeper: NodeJS.Timeout | undefined;
  let sessionChecker: NodeJS.Timeout | undefined;
  let started = false;
  let closed = false;

  /**
   * Ends the streams whose user's licence, roles or account changed since they
   * opened, and those watching a ticket that left their scope (a group change):
   * the browser reconnects and is authorized afresh, so a revoked permission
   * stops the news at once instead of when the stream would have expired.
   */
  async function endRevoked(): Promise<void> {
    const users = [...subscribers].flatMap((s) => (s.actor.kind === "user" ? [{ s, user: s.actor.user }] : []));
    const current = await currentPermissions(db, [...new Set(users.map((u) => u.user.id))]);
    for (const { s, user } of users) {
      const today = current.get(user.id);
      const same = today?.licence === user.licence && today.permissions === [...user.permissions].sort().join(",");
      if (!same) s.end();
    }
    for (const s of [...subscribers]) {
      if (!s.watching) continue;
      const visible = await visibleTicketIds(db, ticketScope(s.actor), [s.watching.ticketId]);
      if (!visible.has(s.watching.ticketId)) s.end();
    }
  }

  async function deliver(events: RecentEvent[]): Promise<void> {
    if (subscribers.size === 0) return;
    await endRevoked();
    const ticketIds = [...new Set(events.map((e) => e.ticketId))];
    const visibleBy = new Map<string, Promise<Set<string>>>();
    for (const subscriber of subscribers) {
      const key = scopeKey(subscriber.actor);
      let visible = visibleBy.get(key);
      if (!visible) {
        visible = visibleTicketIds(db, ticketScope(subscriber.actor), ticketIds);
        visibleBy.set(key, visible);
      }
      const tickets = await visible;
      const internalToo = seesInternal(subscriber.actor);
      for (const event of events) {
        if (!tickets.has(event.ticketId)) continue;
        const isPublic = event.visibility === "public";
        if (!isPublic && !internalToo) continue;
        subscriber.send("ticket", {
          number: event.number,
          type: event.type,
          public: isPublic,
          actorId: event.actorId,
          actorName: event.actorName,
          at: event.at,
        });
      }
    }
  }

  const pump = createEventPump({
    db,
    onEvents: deliver,
    onError: (error) => logger.warn({ err: error }, "live updates could not read new ticket events"),
    pollMs: engine === "postgres" && config.databaseUrl ? timing.listeningPollMs : timing.pollMs,
    lookbackMs: timing.lookbackMs,
  });

  function announcePresence(change: PresenceChange): void {
    const people = board.people(change.ticketId);
    for (const subscriber of subscribers) {
      if (subscriber.watching?.ticketId !== change.ticketId || !seesPresence(subscriber.actor)) continue;
      subscriber.send("presence", { number: change.number, people });
    }
  }

  function applyPresence(message: PresenceMessage): void {
    const ticket = { ticketId: message.ticketId, number: message.number };
    if (board.touch(ticket, { userId: message.userId, name: message.name }, message.state)) announcePresence(ticket);
  }

  /**
   * Ends the streams of sessions that were signed out, expired or whose user was disabled since they opened,
   * and those of API tokens that were revoked or expired.
   */
  async function endLapsedSessions(): Promise<void> {
    await endRevoked();
    const credentialOf = (s: LiveSubscriber) =>
      s.apiTokenId ?? (s.actor.kind === "anonymous" || s.actor.kind === "system" ? null : s.actor.sessionId);
    const open = [...subscribers].filter((s) => credentialOf(s) !== null);
    if (open.length === 0) return;
    const live = await liveSessionIds(
      db,
      {
        users: open.flatMap((s) =>
          s.apiTokenId === null && s.actor.kind === "user" && s.actor.sessionId ? [s.actor.sessionId] : [],
        ),
        guests: open.flatMap((s) => (s.actor.kind === "guest" ? [s.actor.sessionId] : [])),
        apiTokens: open.flatMap((s) => (s.apiTokenId === null ? [] : [s.apiTokenId])),
      },
      now(),
    );
    for (const subscriber of open) {
      const credential = credentialOf(subscriber);
      if (credential && !live.has(credential)) subscriber.end();
    }
  }

  const bus = createLiveBus({
    db,
    engine,
    databaseUrl: config.databaseUrl,
    onEventsCommitted: () => pump.wake(),
    onPresence: applyPresence,
    logger,
  });

  // Started by the first stream or heartbeat, so an instance nobody watches reads nothing.
  function ensureStarted(): void {
    if (started || closed) return;
    started = true;
    pump.start();
    bus.start();
    sweeper = setInterval(() => {
      for (const change of board.sweep()) announcePresence(change);
    }, timing.sweepMs);
    sweeper.unref();
    sessionChecker = setInterval(() => {
      endLapsedSessions().catch((error: unknown) =>
        logger.warn({ err: error }, "live updates could not check sessions"),
      );
    }, timing.sessionCheckMs);
    sessionChecker.unref();
  }

  return {
    subscribe(subscriber) {
      ensureStarted();
      subscribers.add(subscriber);
      if (subscriber.watching && seesPresence(subscriber.actor)) {
        const { number, ticketId } = subscriber.watching;
        subscriber.send("presence", { number, people: board.people(ticketId) });
      }
      return () => {
        subscribers.delete(subscriber);
      };
    },
    async touchPresence(ticket, person, state) {
      ensureStarted();
      applyPresence({ ...ticket, ...person, state });
      await bus.publishPresence({ ...ticket, ...person, state });
    },
    presence: (ticketId) => board.people(ticketId),
    async close() {
      closed = true;
      clearInterval(sweeper);
      clearInterval(sessionChecker);
      for (const subscriber of [...subscribers]) subscriber.end();
      subscribers.clear();
      await pump.stop();
      await bus.stop();
    },
  };
}
