/**
 * Seed 003: solved tickets close N business days after they were solved —
 * the same moment their reopen window ends (`tickets.auto_close_at`).
 */
import { system } from "../core/actor.ts";
import type { AppContext } from "../core/context.ts";
import { supportsRowLocks } from "../db/engine.ts";
import { firstStatusIn, moveToStatus } from "../tickets/lifecycle.ts";
import { noteTicketLocked } from "../tickets/ticket-lock.ts";

type Ctx = Pick<AppContext, "db" | "engine" | "config">;

/**
 * Closes every solved ticket whose time has come, each in its own
 * transaction. The ticket row is locked and re-read first, so two runners (or
 * a run repeated after a crash) close a ticket once and write one event.
 */
export async function autoCloseSolvedTickets(ctx: Ctx, at: Date, signal?: AbortSignal): Promise<number> {
  const { db, engine, config } = ctx;
  const due = await db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select("tickets.id")
    .where("tickets.auto_close_at", "<=", at.toISOString())
    .where("statuses.category", "=", "solved")
    // A deleted ticket stays as it was deleted: restored, it closes on its own schedule.
    .where("tickets.deleted_at", "is", null)
    .orderBy("tickets.auto_close_at")
    .limit(500)
    .execute();
  let closed = 0;
  for (const { id } of due) {
    // Asked to stop (shutdown, the job's timeout): between two tickets, each closed whole or not at all.
    signal?.throwIfAborted();
    const done = await db.transaction().execute(async (trx) => {
      let row = trx
        .selectFrom("tickets")
        .select([
          "id",
          "number",
          "subject",
          "requester_email",
          "requester_id",
          "status_id",
          "solved_at",
          "auto_close_at",
        ])
        .where("id", "=", id)
        .where("deleted_at", "is", null);
      if (supportsRowLocks(engine)) row = row.forUpdate();
      const ticket = await row.executeTakeFirst();
      if (!ticket?.auto_close_at || ticket.auto_close_at > at.toISOString()) return false;
      if (supportsRowLocks(engine)) noteTicketLocked(trx, ticket.id);
      const status = await trx
        .selectFrom("statuses")
        .select("category")
        .where("id", "=", ticket.status_id)
        .executeTakeFirstOrThrow();
      if (status.category !== "solved") return false;
      const closedStatus = await firstStatusIn(trx, "closed");
      if (!closedStatus) return false;
      await moveToStatus(
        trx,
        config,
        system,
        { ...ticket, category: "solved" },
        { ...closedStatus, category: "closed" },
        "auto_closed",
        at.toISOString(),
      );
      return true;
    });
    if (done) closed += 1;
  }
  return closed;
}
