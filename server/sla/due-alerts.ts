/**
 * "Ticket is due" and "Ticket is overdue": an internal event on the ticket,
 * the personal alerts people subscribed to, and mail to the agents of the
 * ticket's group. A row in `sla_notices` (ticket, kind, due time) is inserted
 * first; only the transaction that inserted it goes on, so each fires once
 * per ticket and due time however many runners check at once.
 */
import type { AlertKind } from "../../common/alerts.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { queueMail } from "../mail/outbox.ts";
import { slaAlert } from "../mail/templates/sla-alert.ts";
import { fireAlerts } from "../tickets/alerts.ts";
import { insertTicketEvent } from "../tickets/events.ts";

type Ctx = Pick<AppContext, "db" | "config">;
type Kind = Database["sla_notices"]["kind"];

const alertOf: Record<Kind, { alert: AlertKind; label: string; event: "sla_due" | "sla_overdue" }> = {
  due: { alert: "ticket_due", label: "Ticket is due", event: "sla_due" },
  overdue: { alert: "ticket_overdue", label: "Ticket is overdue", event: "sla_overdue" },
};

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
      .$if(kind === "overdue", (q) => q.where("tickets.due_at", "<=", at))
      // Warning that a ticket is about to be due makes no sense once it is late.
      .$if(kind === "due", (q) => q.where("tickets.due_soon_at", "<=", at).where("tickets.due_at", ">", at))
      .orderBy("tickets.due_at")
      .limit(500)
      .execute()
  );
}

/** Fires what is due at `at`; resolves with how many notices fired. */
export async function fireDueAlerts(ctx: Ctx, at: Date): Promise<number> {
  const { db, config } = ctx;
  const now = at.toISOString();
  let fired = 0;
  for (const kind of ["overdue", "due"] as const) {
    for (const candidate of await candidates(db, kind, now)) {
      const done = await db.transaction().execute(async (trx) => {
        const ticket = await trx
          .selectFrom("tickets")
          .select(["tickets.id", "tickets.number", "tickets.subject", "tickets.due_at", "tickets.group_id"])
          .where("tickets.id", "=", candidate.id)
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
        const { alert, label, event } = alertOf[kind];
        await insertTicketEvent(trx, {
          ticketId: ticket.id,
          type: event,
          actor: { id: null, name: "Switchboard" },
          visibility: "internal",
          payload: { dueAt: ticket.due_at },
          at: now,
        });
        await fireAlerts(trx, config, ticket, [alert], now);
        if (ticket.group_id) {
          const agents = await trx
            .selectFrom("group_members")
            .innerJoin("users", "users.id", "group_members.user_id")
            .select("users.email")
            .where("group_members.group_id", "=", ticket.group_id)
            .where("users.disabled_at", "is", null)
            .where("users.licence", "in", ["agent", "admin"])
            .orderBy("users.email")
            .execute();
          for (const agent of agents) {
            await queueMail(
              trx,
              {
                template: "sla-alert",
                to: agent.email,
                content: slaAlert({
                  number: ticket.number,
                  subject: ticket.subject,
                  alert: label,
                  dueAt: ticket.due_at,
                  ticketUrl: `${config.baseUrl}/agent/tickets/${ticket.number}`,
                }),
              },
              { baseUrl: config.baseUrl, at: now },
            );
          }
        }
        return true;
      });
      if (done) fired += 1;
    }
  }
  return fired;
}
