/**
 * "Ticket is due" and "Ticket is overdue": an internal event on the ticket;
 * its reactions fire the personal alerts people subscribed to and mail the
 * agents of the ticket's group. A row in `sla_notices` (ticket, kind, due time) is inserted
 * first; only the transaction that inserted it goes on, so each fires once
 * per ticket and due time however many runners check at once.
 */
import type { AppContext } from "../core/context.ts";
import type { Database } from "../db/schema.ts";
import { recordEvent } from "../tickets/events.ts";
import { lockTicket } from "../tickets/ticket-lock.ts";

type Ctx = Pick<AppContext, "db" | "config">;
type Kind = Database["sla_notices"]["kind"];

const eventOf = { due: "sla_due", overdue: "sla_overdue" } as const satisfies Record<Kind, string>;

async function candidates(db: Ctx["db"], kind: Kind, at: string) {
  return (
    db
      .selectFrom("tickets")
      .leftJoin("sla_notices", (join) =>
        join
          .onRef("sla_notices.ticket_id", "=", "tickets.id")
          .on("sla_notices.kind", "=", kind)
          .onRef("sla_notices.due_at", "=", "tickets.due_at"),
      )
      .select(["tickets.id", "tickets.due_at"])
      .where("sla_notices.ticket_id", "is", null)
      // A deleted ticket is out of every scan: nobody is told it is due.
      .where("tickets.deleted_at", "is", null)
      .$if(kind === "overdue", (q) => q.where("tickets.due_at", "<=", at))
      // Warning that a ticket is about to be due makes no sense once it is late.
      .$if(kind === "due", (q) => q.where("tickets.due_soon_at", "<=", at).where("tickets.due_at", ">", at))
      .orderBy("tickets.due_at")
      .limit(500)
      .execute()
  );
}

/** Fires what is due at `at`; resolves with how many notices fired. */
export async function fireDueAlerts(ctx: Ctx, at: Date, signal?: AbortSignal): Promise<number> {
  const { db } = ctx;
  const now = at.toISOString();
  let fired = 0;
  for (const kind of ["overdue", "due"] as const) {
    for (const candidate of await candidates(db, kind, now)) {
      // Asked to stop (shutdown, the job's timeout): between two alerts; the next run fires the rest.
      signal?.throwIfAborted();
      const done = await db.transaction().execute(async (trx) => {
        // Before reading its target: a change to the ticket (a new priority) waits, or has committed.
        await lockTicket(trx, candidate.id);
        const ticket = await trx
          .selectFrom("tickets")
          .select(["tickets.id", "tickets.number", "tickets.subject", "tickets.due_at", "tickets.group_id"])
          .where("tickets.id", "=", candidate.id)
          .where("tickets.deleted_at", "is", null)
          .executeTakeFirst();
        // The target moved (priority changed, clock paused) since we looked: nothing to say about it.
        if (!ticket?.due_at || ticket.due_at !== candidate.due_at) return false;
        const inserted = await trx
          .insertInto("sla_notices")
          .values({ ticket_id: ticket.id, kind, due_at: ticket.due_at, created_at: now })
          .onConflict((oc) => oc.columns(["ticket_id", "kind", "due_at"]).doNothing())
          .returning("ticket_id")
          .executeTakeFirst();
        if (!inserted) return false;
        await recordEvent(trx, ctx, {
          ticketId: ticket.id,
          type: eventOf[kind],
          actor: { id: null, name: "Switchboard" },
          visibility: "internal",
          payload: { dueAt: ticket.due_at },
          at: now,
        });
        return true;
      });
      if (done) fired += 1;
    }
  }
  return fired;
}
