import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { z } from "zod";
import { presenceStates } from "../../common/live.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** Sent by a trigger on `ticket_events` (migration 0010) when a writing transaction commits. */
export const eventsChannel = "switchboard_ticket_events";
/** Presence heartbeats, so that every instance knows who is on a ticket whichever one they reached. */
export const presenceChannel = "switchboard_presence";

const presenceMessageSchema = z.object({
  origin: z.string(),
  ticketId: z.string(),
  number: z.number().int(),
  userId: z.string(),
  name: z.string(),
  state: z.enum([...presenceStates, "left"]),
});
export type PresenceMessage = Omit<z.infer<typeof presenceMessageSchema>, "origin">;

export type LiveBus = {
  start: () => void;
  /** Tells the other instances; this one applies the change itself. */
  publishPresence: (message: PresenceMessage) => Promise<void>;
  stop: () => Promise<void>;
};

type BusOptions = {
  db: Kysely<Database>;
  engine: Engine;
  databaseUrl: string | undefined;
  onEventsCommitted: () => void;
  onPresence: (message: PresenceMessage) => void;
  logger: FastifyBaseLogger;
};

/**
 * On PostgreSQL, instances talk through LISTEN/NOTIFY on one dedicated
 * connection (a pooled one would be handed to other queries). SQLite runs in
 * one process, so there is nobody to tell and the pump's poll is enough.
 */
export function createLiveBus(options: BusOptions): LiveBus {
  const { db, engine, databaseUrl, logger } = options;
  if (engine !== "postgres") {
    return { start: () => {}, publishPresence: async () => {}, stop: async () => {} };
  }
  const origin = randomUUID();
  let client: pg.Client | undefined;
  let stopped = true;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    // Without the URL (an app handed only a pool) instances are not told; the pump's poll still finds everything.
    if (!databaseUrl || stopped) return;
    const listener = new pg.Client({ connectionString: databaseUrl });
    client = listener;
    listener.on("notification", (message) => {
      if (message.channel === eventsChannel) {
        options.onEventsCommitted();
        return;
      }
      const parsed = presenceMessageSchema.safeParse(safeJson(message.payload));
      if (parsed.success && parsed.data.origin !== origin) {
        const { origin: _from, ...change } = parsed.data;
        options.onPresence(change);
      }
    });
    listener.on("error", (error) => {
      logger.warn({ err: error }, "live updates lost their PostgreSQL connection; reconnecting");
      reconnectSoon(listener);
    });
    listener.on("end", () => reconnectSoon(listener));
    try {
      await listener.connect();
      await listener.query(`listen ${eventsChannel}`);
      await listener.query(`listen ${presenceChannel}`);
      // Whatever was committed while we were not listening is read now.
      options.onEventsCommitted();
    } catch (error) {
      logger.warn({ err: error }, "live updates could not listen on PostgreSQL; retrying");
      reconnectSoon(listener);
    }
  }

  function reconnectSoon(listener: pg.Client): void {
    if (stopped || client !== listener || retry) return;
    client = undefined;
    listener.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 2000);
    retry.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void connect();
    },
    async publishPresence(message) {
      await sql`select pg_notify(${presenceChannel}, ${JSON.stringify({ origin, ...message })})`.execute(db);
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const listener = client;
      client = undefined;
      await listener?.end().catch(() => {});
    },
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}
