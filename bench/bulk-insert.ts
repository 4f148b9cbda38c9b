/**
 * How bench:seed writes a batch of tickets and their events so that the
 * full-text index (migration 0024) stays exact without paying for it per row.
 *
 * The index's triggers rebuild a ticket's whole index row on every comment:
 * a ticket with five comments was indexed six times, and on PostgreSQL each
 * rebuild after the first is an upsert that rewrites both GIN-indexed
 * documents (27–45 tickets/s at 5 comments per ticket). Here each ticket is
 * indexed once, after its comments are in, in the batch's own transaction,
 * through the same definitions the triggers use:
 *
 * - SQLite: the comment trigger is dropped for the transaction and put back
 *   from its stored SQL before commit (SQLite's DDL is transactional, so no
 *   other connection ever sees it missing); foreign keys are checked at
 *   commit, so the events go in first and the ticket trigger then indexes each
 *   ticket with its comments.
 * - PostgreSQL: the two search triggers are disabled for the transaction and
 *   the batch's tickets are indexed with switchboard_refresh_ticket_search,
 *   the function the triggers call.
 *
 * Every other trigger (counters, notifications) fires as it would for the app.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Engine } from "../server/db/engine.ts";
import type { Database, NewTicket, NewTicketEvent } from "../server/db/schema.ts";

/** Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER and PostgreSQL's protocol limit. */
const parameterLimit: Record<Engine, number> = { sqlite: 32_766, postgres: 65_535 };

function chunks<T>(items: readonly T[], columns: number, engine: Engine): T[][] {
  const size = Math.max(1, Math.floor(parameterLimit[engine] / Math.max(1, columns)));
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

async function insertRows(
  trx: Transaction<Database>,
  engine: Engine,
  tickets: NewTicket[],
  events: NewTicketEvent[],
  eventsFirst: boolean,
): Promise<void> {
  const ticketColumns = Object.keys(tickets[0] ?? {}).length;
  const eventColumns = Object.keys(events[0] ?? {}).length;
  const insertTickets = async () => {
    for (const rows of chunks(tickets, ticketColumns, engine)) await trx.insertInto("tickets").values(rows).execute();
  };
  const insertEvents = async () => {
    for (const rows of chunks(events, eventColumns, engine))
      await trx.insertInto("ticket_events").values(rows).execute();
  };
  if (eventsFirst) {
    await insertEvents();
    await insertTickets();
  } else {
    await insertTickets();
    await insertEvents();
  }
}

const sqliteCommentTrigger = "ticket_fts_comment_added";
const postgresSearchTriggers = [
  ["tickets", "ticket_search_tickets_added"],
  ["ticket_events", "ticket_search_comments_added"],
] as const;

/** Writes one batch in one transaction, the search index included. */
export async function insertBatch(
  db: Kysely<Database>,
  engine: Engine,
  tickets: NewTicket[],
  events: NewTicketEvent[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (engine === "sqlite") {
      const { rows } = await sql<{ sql: string }>`
        select sql from sqlite_master where type = 'trigger' and name = ${sqliteCommentTrigger}`.execute(trx);
      const definition = rows[0]?.sql;
      if (!definition) throw new Error(`The search index trigger ${sqliteCommentTrigger} is missing.`);
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql.raw(`drop trigger ${sqliteCommentTrigger}`).execute(trx);
      await insertRows(trx, engine, tickets, events, true);
      await sql.raw(definition).execute(trx);
      return;
    }
    for (const [table, trigger] of postgresSearchTriggers) {
      await sql.raw(`alter table ${table} disable trigger ${trigger}`).execute(trx);
    }
    await insertRows(trx, engine, tickets, events, false);
    const ids = tickets.map((t) => t.id);
    await sql`select count(switchboard_refresh_ticket_search(id)) from unnest(${ids}::text[]) as id`.execute(trx);
    for (const [table, trigger] of postgresSearchTriggers) {
      await sql.raw(`alter table ${table} enable trigger ${trigger}`).execute(trx);
    }
  });
}

/**
 * Takes `count` ticket numbers in one go, as the app takes one (the counter on SQLite, the sequence on
 * PostgreSQL), so the app numbers on after them and an interrupted seed only leaves a gap. Returns the first.
 */
export async function reserveNumbers(db: Kysely<Database>, engine: Engine, count: number): Promise<number> {
  if (engine === "postgres") {
    // Two steps: a ticket created in between would take a number inside the range, so seed a quiet database.
    const { rows } = await sql<{ first: number }>`select nextval('ticket_number_seq') as first`.execute(db);
    const first = Number(rows[0]?.first);
    await sql`select setval('ticket_number_seq', ${first + count - 1})`.execute(db);
    return first;
  }
  const reserved = await db
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", count) }))
    .where("name", "=", "ticket_number")
    .returning("value")
    .executeTakeFirstOrThrow();
  return reserved.value - count + 1;
}

/** The number the app will give its next ticket. */
export async function nextNumber(db: Kysely<Database>, engine: Engine): Promise<number> {
  if (engine === "postgres") {
    const { rows } = await sql<{ next: number }>`
      select case when is_called then last_value + 1 else last_value end as next from ticket_number_seq`.execute(db);
    return Number(rows[0]?.next);
  }
  const counter = await db
    .selectFrom("counters")
    .select("value")
    .where("name", "=", "ticket_number")
    .executeTakeFirstOrThrow();
  return counter.value + 1;
}

/**
 * PostgreSQL: drops the search table's GIN indexes for the length of a seed and returns what builds them
 * again. Adding rows to a large GIN index one posting at a time slows every batch as the index grows;
 * CREATE INDEX over the finished table sorts all entries at once. Searches stay correct meanwhile (a scan).
 * SQLite's FTS5 table has no separate index to defer: it returns a no-op.
 */
export async function deferSearchIndexes(db: Kysely<Database>, engine: Engine): Promise<() => Promise<void>> {
  if (engine !== "postgres") return async () => {};
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where tablename = 'ticket_search' and indexdef ilike '% using gin %'`.execute(db);
  for (const { indexname } of rows) await sql.raw(`drop index if exists ${indexname}`).execute(db);
  return async () => {
    await db.connection().execute(async (connection) => {
      // More memory lets the build sort in one pass; it ends with this session.
      await sql`set maintenance_work_mem = '256MB'`.execute(connection);
      for (const { indexdef } of rows) await sql.raw(indexdef).execute(connection);
    });
  };
}
