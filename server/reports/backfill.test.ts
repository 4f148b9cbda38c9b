import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Actor } from "../core/actor.ts";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAgent, buildCustomer, buildSubmission, statusIdIn, testConfig } from "../test/factories.ts";
import { addComment } from "../tickets/commands/add-comment.ts";
import { changeStatus } from "../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { updateTicket } from "../tickets/commands/update-ticket.ts";
import { backfillMetrics } from "./backfill.ts";
import { type RollupRow, replayTicket, sumDeltas } from "./store.ts";

/**
 * The backfill reads and writes a page of tickets at a time and shares calendars across them; the reaction
 * replays one ticket at a time. Both must give the same tables, whatever the page size.
 */
describeEachEngine("metrics backfill", ({ db, engine }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), engine, config });
  let agent: Actor;
  let customer: Actor;
  let agentId: string;
  const at = (iso: string) => vi.setSystemTime(new Date(iso));

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const agentUser = await buildAgent(db());
    agentId = agentUser.id;
    agent = await actorOf(db(), agentUser);
    customer = await actorOf(db(), await buildCustomer(db()));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const statusIn = (category: StatusCategory) => statusIdIn(db(), category);
  const tables = async () => ({
    metrics: await db().selectFrom("ticket_metrics").selectAll().orderBy("ticket_id").execute(),
    rollups: await db()
      .selectFrom("report_rollups")
      .selectAll()
      .orderBy("hour")
      .orderBy("group_id")
      .orderBy("channel")
      .orderBy("priority")
      .orderBy("service_id")
      .execute(),
  });
  /** The backfill as it was before pages: each ticket replayed on its own, its row deleted and inserted. */
  const backfillTicketByTicket = async () => {
    const rollups = new Map<string, RollupRow>();
    const tickets = await db().selectFrom("tickets").select("id").orderBy("id").execute();
    await db()
      .transaction()
      .execute(async (trx) => {
        for (const { id } of tickets) {
          const replayed = await replayTicket(trx, id);
          await trx.deleteFrom("ticket_metrics").where("ticket_id", "=", id).execute();
          if (!replayed) continue;
          await trx.insertInto("ticket_metrics").values(replayed.row).execute();
          sumDeltas(replayed.deltas, rollups);
        }
        await trx.deleteFrom("report_rollups").execute();
        for (const row of rollups.values()) await trx.insertInto("report_rollups").values(row).execute();
      });
  };

  it("gives the same rows and rollups page by page as ticket by ticket, across groups with their own calendars", async () => {
    // Two groups: one counts business time in Tokyo office hours, the other in the default calendar.
    const stamp = "2026-11-01T00:00:00.000Z";
    const tokyo = newId();
    await db()
      .insertInto("calendars")
      .values({
        id: tokyo,
        name: "Tokyo office",
        time_zone: "Asia/Tokyo",
        hours: JSON.stringify([1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" }))),
        holidays: JSON.stringify(["2026-11-23"]),
        is_default: 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    const groups = [newId(), newId()];
    await db()
      .insertInto("groups")
      .values([
        { id: groups[0] ?? "", name: "Tokyo desk", created_at: stamp, calendar_id: tokyo },
        { id: groups[1] ?? "", name: "Home desk", created_at: stamp },
      ])
      .execute();
    await db()
      .insertInto("group_members")
      .values(groups.map((group_id) => ({ user_id: agentId, group_id })))
      .execute();
    const [open, pending, onHold, solved] = await Promise.all(
      (["open", "pending", "on_hold", "solved"] as const).map(statusIn),
    );

    // Eight tickets a few hours apart, each worked differently: group, assignee, replies, waits, a reopen.
    const priorities = ["low", "medium", "high", "urgent"] as const;
    const numbers: number[] = [];
    for (let i = 0; i < 8; i++) {
      const hour = (n: number) => new Date(Date.parse("2026-11-20T06:00:00.000Z") + (i * 5 + n) * 3_600_000);
      at(hour(0).toISOString());
      const { number } = await submitTicket(
        ctx(),
        customer,
        await buildSubmission(db(), { priority: priorities[i % 4] ?? "low", subject: `Ticket ${i}` }),
      );
      numbers.push(number);
      if (i % 3 !== 2) await updateTicket(ctx(), agent, number, { groupId: groups[i % 3] ?? null });
      if (i % 2 === 0) await updateTicket(ctx(), agent, number, { assigneeId: agentId });
      at(hour(2 + (i % 4)).toISOString());
      if (i % 4 !== 3) {
        await addComment(ctx(), agent, number, { body: "Looking into it.", format: "text", kind: "public" });
      }
      await addComment(ctx(), agent, number, { body: "Checked the logs.", format: "text", kind: "note" });
      at(hour(20).toISOString());
      await changeStatus(ctx(), agent, number, (i % 3 === 0 ? pending : i % 3 === 1 ? onHold : open) ?? "");
      at(hour(50).toISOString());
      if (i % 2 === 1) await updateTicket(ctx(), agent, number, { priority: "urgent" });
      await changeStatus(ctx(), agent, number, solved ?? "");
      if (i % 5 === 0) {
        at(hour(70).toISOString());
        await addComment(ctx(), customer, number, { body: "Still broken.", format: "text", kind: "public" });
        await changeStatus(ctx(), agent, number, open ?? "");
      }
    }
    // A ticket whose "created" event is gone gets no row, either way.
    const orphan = await db()
      .selectFrom("tickets")
      .select("id")
      .where("number", "=", numbers[4] ?? 0)
      .executeTakeFirstOrThrow();
    await db().deleteFrom("ticket_events").where("ticket_id", "=", orphan.id).where("type", "=", "created").execute();

    await backfillTicketByTicket();
    const expected = await tables();
    expect(expected.metrics).toHaveLength(7);
    expect(expected.metrics.some((row) => row.reopens > 0)).toBe(true);
    expect(new Set(expected.metrics.map((row) => row.group_id))).toEqual(new Set([...groups, null]));

    // Pages of 3 (the last one short), then of the default size; each run replaces what the last one wrote.
    for (const page of [3, undefined]) {
      await db().deleteFrom("ticket_metrics").execute();
      await db().deleteFrom("report_rollups").execute();
      const seen: number[] = [];
      await backfillMetrics(db(), (done) => seen.push(done), page);
      expect(seen.at(-1)).toBe(8);
      expect(await tables()).toEqual(expected);
    }
    // Forty commands and three backfills on each engine: far more than the default 20 s on a loaded machine.
  }, 120_000);
});
