import { type Kysely, sql } from "kysely";
import { expect } from "vitest";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/**
 * Runs changes to one ticket side by side, as two agents clicking at once would, and returns their results.
 *
 * On PostgreSQL a share lock on the ticket's row holds every change at its first update of that row, after it has
 * read and written what comes before; once all of them wait, the lock goes and they finish together. A change
 * that takes the row before it reads (server/tickets/ticket-lock.ts) waits there instead, and then runs after the
 * other. SQLite runs one writer at a time, so there the changes simply start together.
 */
export async function atTheSameMoment<T>(
  db: Kysely<Database>,
  engine: Engine,
  ticketNumber: number,
  changes: (() => Promise<T>)[],
): Promise<T[]> {
  if (engine !== "postgres") return Promise.all(changes.map((change) => change()));
  let running: Promise<T[]> | undefined;
  await db.transaction().execute(async (trx) => {
    await sql`select id from tickets where number = ${ticketNumber} for share`.execute(trx);
    running = Promise.all(changes.map((change) => change()));
    await expect
      .poll(
        async () => {
          const waiting = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
          return Number(waiting.rows[0]?.n);
        },
        { message: "every change waiting on the ticket's row", interval: 10, timeout: 10_000 },
      )
      .toBe(changes.length);
  });
  if (!running) throw new Error("the changes never started");
  return running;
}
