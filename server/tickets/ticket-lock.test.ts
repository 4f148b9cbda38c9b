import { expect, it } from "vitest";
import { subscribe } from "../alerts/alerts.ts";
import { now } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAgent, buildSubmission, testConfig } from "../test/factories.ts";
import { atTheSameMoment } from "../test/same-moment.ts";
import { addComment } from "./commands/add-comment.ts";
import { changeStatus } from "./commands/lifecycle-actions.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { recordEvent } from "./events.ts";
import { linkTickets } from "./links/commands.ts";

/** Two changes to one ticket at once run one after the other (ticket-lock.ts), whichever way they come in. */
describeEachEngine("one writer per ticket", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), config });

  it("a change that comes in without loading the ticket (mail, a job) waits at its first event", async () => {
    const agent = await buildAgent(db());
    const { number } = await submitTicket(ctx(), await actorOf(db(), agent), await buildSubmission(db()));
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    await subscribe(db(), ticket.id, agent.id, "all_tasks_complete");
    const tasks = [newId(), newId()];
    for (const [i, id] of tasks.entries()) {
      await db()
        .insertInto("ticket_tasks")
        .values({
          id,
          ticket_id: ticket.id,
          title: `Task ${i}`,
          assignee_id: null,
          due_on: null,
          done_at: null,
          done_by_name: null,
          created_by_name: "Mail",
          created_at: now(),
        })
        .execute();
    }
    // Each ticks off its task and records it, as a writer that never calls loadTicket would.
    const tickOff = (taskId: string) => () =>
      db()
        .transaction()
        .execute(async (trx) => {
          const at = now();
          await trx
            .updateTable("ticket_tasks")
            .set({ done_at: at, done_by_name: "Mail" })
            .where("id", "=", taskId)
            .execute();
          await recordEvent(trx, ctx(), {
            ticketId: ticket.id,
            type: "task_completed",
            actor: { id: null, name: "Mail" },
            visibility: "internal",
            payload: { taskId, title: "a task" },
            at,
          });
          await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
        });

    await atTheSameMoment(db(), engine, number, tasks.map(tickOff));

    const alerts = await db()
      .selectFrom("mail_messages")
      .select("subject")
      .where("template", "=", "alert-fired")
      .where("ticket_id", "=", ticket.id)
      .execute();
    expect(alerts).toEqual([{ subject: `[#${number}] Alert: All tasks complete` }]);
  });

  it("linking A to B beside B to A links them once, without a deadlock", async () => {
    const agent = await actorOf(db(), await buildAgent(db()));
    const a = (await submitTicket(ctx(), agent, await buildSubmission(db(), { subject: "A" }))).number;
    const b = (await submitTicket(ctx(), agent, await buildSubmission(db(), { subject: "B" }))).number;
    // Held at the lower number, B-to-A has taken B's row by then: locking in the order asked would deadlock.
    const link = (from: number, to: number) => () =>
      linkTickets(ctx(), agent, from, to).then(
        () => "linked",
        (error: unknown) => String(error),
      );
    const results = await atTheSameMoment(db(), engine, Math.min(a, b), [link(a, b), link(b, a)]);
    expect(results).toEqual(["linked", "linked"]);
    const links = await db()
      .selectFrom("ticket_links")
      .innerJoin("tickets", "tickets.id", "ticket_links.ticket_id")
      .select("tickets.number")
      .where("tickets.number", "in", [a, b])
      .orderBy("tickets.number")
      .execute();
    expect(links.map((l) => l.number)).toEqual([a, b].sort((x, y) => x - y));
  });

  it("a comment beside a status change waits for it and is kept, not refused as a missing ticket", async () => {
    const agent = await actorOf(db(), await buildAgent(db()));
    const { number } = await submitTicket(ctx(), agent, await buildSubmission(db()));
    const pending = await db()
      .selectFrom("statuses")
      .select("id")
      .where("category", "=", "pending")
      .executeTakeFirstOrThrow();
    const outcome = (change: Promise<unknown>) =>
      change.then(
        () => "done",
        (error: unknown) => String(error),
      );
    const results = await atTheSameMoment(db(), engine, number, [
      () => outcome(changeStatus(ctx(), agent, number, pending.id)),
      () => outcome(addComment(ctx(), agent, number, { body: "Sent the new router.", format: "text", kind: "public" })),
    ]);
    expect(results).toEqual(["done", "done"]);
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    const events = await db()
      .selectFrom("ticket_events")
      .select("type")
      .where("ticket_id", "=", ticket.id)
      .where("type", "in", ["comment", "status_changed"])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(["comment", "status_changed"]);
  });
});
