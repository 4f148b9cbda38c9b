/**
 * Works out every ticket's metrics row and the hourly rollups from the events
 * (for tickets from before metrics were recorded, or after a change to how a
 * figure is defined). Idempotent: each ticket's row is replaced, and the
 * rollups are rebuilt from scratch in the last transaction, so running it
 * twice gives the same tables. Run it while the help desk is quiet: a ticket
 * changed while it runs may be counted in the rollups as it was before.
 */
import type { Kysely } from "kysely";
import type { StatusCategory } from "../../common/tickets.ts";
import { type Clock, systemClock } from "../clock.ts";
import type { Database } from "../db/schema.ts";
import type { BusinessCalendar } from "../sla/calendar.ts";
import { buildReportCube } from "./cube/build.ts";
import type { MetricsRow } from "./metrics.ts";
import {
  type HourRow,
  hourSums,
  loadTicketFactsPage,
  lookupsFor,
  type RollupRow,
  replayEvents,
  type StoredEvent,
  sumDeltas,
} from "./store.ts";

/**
 * Tickets per transaction. A page's facts, events and deletes are one statement each and its inserts a few,
 * where replaying ticket by ticket took five or more statements per ticket; calendars and statuses are read
 * once for the whole run. Memory holds one page and the rollup sums (hours × slices), whatever the ticket count.
 */
const PAGE = 200;
/** Rows per insert: ticket_metrics has about 40 columns, and SQLite takes at most 32,766 values a statement. */
const INSERT_ROWS = 100;

export type BackfillProgress = (done: number, total: number) => void;

export async function backfillMetrics(
  db: Kysely<Database>,
  progress: BackfillProgress = () => {},
  page = PAGE,
  clock: Clock = systemClock,
): Promise<{ tickets: number }> {
  const total = Number(
    (
      await db
        .selectFrom("tickets")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const statuses = new Map<string, StatusCategory>();
  const calendars = new Map<string, Promise<BusinessCalendar>>();
  const rollups = new Map<string, RollupRow>();
  const hours = new Map<string, HourRow>();
  let done = 0;
  let after = "";
  progress(0, total);
  for (;;) {
    const tickets = await db.transaction().execute(async (trx) => {
      const tickets = await loadTicketFactsPage(trx, after, page);
      if (tickets.length === 0) return tickets;
      const ids = tickets.map((t) => t.id);
      // The page's events in one read, each ticket's oldest first (as replayTicket reads one ticket's).
      const events = await trx
        .selectFrom("ticket_events")
        .select(["ticket_id", "type", "payload", "visibility", "created_at"])
        .where("ticket_id", "in", ids)
        .orderBy("ticket_id")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const byTicket = new Map<string, StoredEvent[]>();
      for (const event of events) {
        const list = byTicket.get(event.ticket_id);
        if (list) list.push(event);
        else byTicket.set(event.ticket_id, [event]);
      }
      const rows: MetricsRow[] = [];
      for (const ticket of tickets) {
        const lookups = lookupsFor(trx, ticket, statuses, calendars);
        const replayed = await replayEvents(ticket, byTicket.get(ticket.id) ?? [], lookups);
        if (!replayed) continue;
        rows.push(replayed.row);
        sumDeltas(replayed.deltas, rollups);
        hourSums(replayed.deltas, hours);
      }
      await trx.deleteFrom("ticket_metrics").where("ticket_id", "in", ids).execute();
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        await trx
          .insertInto("ticket_metrics")
          .values(rows.slice(i, i + INSERT_ROWS))
          .execute();
      }
      return tickets;
    });
    if (tickets.length === 0) break;
    after = tickets[tickets.length - 1]?.id ?? after;
    done += tickets.length;
    progress(done, total);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("report_rollups").execute();
    const rows = [...rollups.values()];
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      await trx
        .insertInto("report_rollups")
        .values(rows.slice(i, i + INSERT_ROWS))
        .execute();
    }
    await trx.deleteFrom("report_hours").execute();
    const hourRows = [...hours.values()];
    for (let i = 0; i < hourRows.length; i += INSERT_ROWS) {
      await trx
        .insertInto("report_hours")
        .values(hourRows.slice(i, i + INSERT_ROWS))
        .execute();
    }
    // Every day of the cube is built again from the rows just written.
    await trx.deleteFrom("report_periods").execute();
  });
  for (;;) {
    const built = await buildReportCube(db, clock(), Number.POSITIVE_INFINITY);
    if (built.pending === 0) break;
  }
  return { tickets: done };
}
