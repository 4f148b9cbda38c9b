/**
 * Deleting a ticket takes it out of every list and lookup at once (commands/delete-ticket.ts); the scheduled
 * scans too. Before, a deleted ticket still got its requester's "we are waiting for you" reminder, closed itself
 * and told its agents it was overdue: mail and Feed entries about a ticket nobody can open.
 */
import { expect, it } from "vitest";
import type { AutomationRuleInput } from "../../common/automation.ts";
import { createRule } from "../automation/commands/manage-rules.ts";
import { runTimeRules } from "../automation/run-rules.ts";
import { anonymous } from "../core/actor.ts";
import { autoCloseSolvedTickets } from "../sla/auto-close.ts";
import { fireDueAlerts } from "../sla/due-alerts.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAdmin, buildSubmission, testConfig } from "../test/factories.ts";
import { deleteTicket } from "./commands/delete-ticket.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { moveToStatus } from "./lifecycle.ts";

const remindAfterTwoDays: AutomationRuleInput = {
  name: "Nudge waiting customers",
  kind: "time_rule",
  active: true,
  position: 0,
  conditions: { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
  statusCategory: "pending",
  afterBusinessDays: 2,
  actions: { groupId: null, priority: null, remindRequester: true },
};

describeEachEngine("scheduled work on a deleted ticket", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });
  const later = new Date(Date.now() + 60 * 24 * 60 * 60 * 1000);
  /** A guest's ticket moved into the status `key` a month ago, then deleted by an admin. */
  const deletedTicketIn = async (key: string, email: string) => {
    const { number } = await submitTicket(ctx(), anonymous, await buildSubmission(db(), { email }));
    const ticket = await db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
    const status = await db()
      .selectFrom("statuses")
      .select(["id", "customer_label", "category"])
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
    await db()
      .transaction()
      .execute((trx) =>
        moveToStatus(trx, config, anonymous, { ...ticket, category: "new" }, status, "agent", monthAgo),
      );
    await deleteTicket(ctx(), await actorOf(db(), await buildAdmin(db())), number);
    return ticket.id;
  };
  const eventsOn = (ticketId: string) =>
    db().selectFrom("ticket_events").select("type").where("ticket_id", "=", ticketId).orderBy("id").execute();
  const mailTo = (email: string) =>
    db().selectFrom("mail_messages").select("template").where("to_address", "=", email).execute();

  it("reminds nobody of it", async () => {
    await createRule(db(), remindAfterTwoDays);
    const id = await deletedTicketIn("waiting_for_customer", "deleted.waiting@example.com");
    const before = await mailTo("deleted.waiting@example.com");
    await runTimeRules({ db: db(), config }, later);
    expect(await mailTo("deleted.waiting@example.com")).toEqual(before);
    expect((await eventsOn(id)).at(-1)?.type).toBe("deleted");
  });

  it("does not close it", async () => {
    const solved = await deletedTicketIn("solved", "deleted.solved@example.com");
    await db()
      .updateTable("tickets")
      .set({ auto_close_at: new Date().toISOString() })
      .where("id", "=", solved)
      .execute();
    await autoCloseSolvedTickets(ctx(), later);
    expect((await eventsOn(solved)).at(-1)?.type).toBe("deleted");
  });

  it("does not tell its agents it is due", async () => {
    const open = await deletedTicketIn("open", "deleted.open@example.com");
    await db().updateTable("tickets").set({ due_at: new Date().toISOString() }).where("id", "=", open).execute();
    await fireDueAlerts(ctx(), later);
    expect((await eventsOn(open)).at(-1)?.type).toBe("deleted");
  });
});
