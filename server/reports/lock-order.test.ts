import type { Transaction } from "kysely";
import { expect, it } from "vitest";
import type { Database } from "../db/schema.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildCustomer, buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { markCubeDirty } from "./cube/dirty.ts";
import type { MetricsRow, RollupDelta } from "./metrics.ts";
import { addToRollups, saveMetrics } from "./store.ts";

/**
 * Ticket changes add to report_hours and report_rollups in their own transactions, side by side on PostgreSQL.
 * Changes that touch the same rows in opposite orders (tickets moved between groups both ways, in the same
 * hour) must all count, never fail each other as a deadlock.
 */
describeEachEngine("report rollups under concurrent changes", ({ db, engine }) => {
  const hour = "2026-03-02T10:00:00.000Z";
  const groups = Array.from({ length: 40 }, (_, i) => `lock-order-group-${String(i).padStart(2, "0")}`);
  const deltaAt = (group: string, at: string): RollupDelta => ({
    hour: at,
    group_id: group,
    channel: "web",
    priority: "high",
    service_id: "",
    assignee_id: null,
    organization_id: null,
    measure: "created",
    by: 1,
  });
  const delta = (group: string) => deltaAt(group, hour);
  const rounds = 8;

  /** Runs `forward` and `backward` side by side, each in its own transaction, `rounds` times; the errors they hit. */
  async function inOppositeOrders(
    forward: (trx: Transaction<Database>, round: number) => Promise<void>,
    backward: (trx: Transaction<Database>, round: number) => Promise<void>,
  ): Promise<string[]> {
    const failures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const results = await Promise.allSettled([
        db()
          .transaction()
          .execute((trx) => forward(trx, round)),
        db()
          .transaction()
          .execute((trx) => backward(trx, round)),
      ]);
      for (const result of results) if (result.status === "rejected") failures.push(String(result.reason));
    }
    return failures;
  }

  /** Every group's hour and rollup at `at` counted once first, then once by each side of every round. */
  async function expectEveryChangeCounted(at: string): Promise<void> {
    const counts = await db()
      .selectFrom("report_hours")
      .select(["group_id", "created"])
      .where("slice", "=", "")
      .where("hour", "=", at)
      .where("group_id", "in", groups)
      .execute();
    expect(counts).toHaveLength(groups.length);
    for (const { created } of counts) expect(Number(created)).toBe(1 + 2 * rounds);
    const rollups = await db()
      .selectFrom("report_rollups")
      .select(["group_id", "created"])
      .where("hour", "=", at)
      .where("group_id", "in", groups)
      .execute();
    expect(rollups).toHaveLength(groups.length);
    for (const { created } of rollups) expect(Number(created)).toBe(1 + 2 * rounds);
  }

  it("counts every change when two transactions add to the same rows in opposite orders", async () => {
    await addToRollups(db(), groups.map(delta));
    const failures = await inOppositeOrders(
      (trx) => addToRollups(trx, groups.map(delta)),
      (trx) => addToRollups(trx, groups.toReversed().map(delta)),
    );
    expect(failures).toEqual([]);
    await expectEveryChangeCounted(hour);
  });

  it("counts every change written with its ticket's row when two tickets add to the same rows in opposite orders", async () => {
    // As the metrics reaction writes a change (one statement on PostgreSQL): the row, then the counts.
    const requester = await actorOf(db(), await buildCustomer(db()));
    const ctx = { db: db(), engine, config: testConfig() };
    const rows: MetricsRow[] = [];
    for (let i = 0; i < 2; i++) {
      const { number } = await submitTicket(ctx, requester, await buildSubmission(db()));
      const row = await db()
        .selectFrom("ticket_metrics")
        .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
        .selectAll("ticket_metrics")
        .where("tickets.number", "=", number)
        .executeTakeFirstOrThrow();
      rows.push(row);
    }
    const [first, second] = rows as [MetricsRow, MetricsRow];
    const later = (row: MetricsRow, round: number): MetricsRow => ({
      ...row,
      agent_touches: row.agent_touches + round,
    });
    // An hour of its own: the test above counted in the other.
    const ownHour = "2026-03-02T11:00:00.000Z";
    const deltas = (order: readonly string[]) => order.map((group) => deltaAt(group, ownHour));
    await addToRollups(db(), deltas(groups));
    const failures = await inOppositeOrders(
      (trx, round) => saveMetrics(trx, later(first, round + 1), later(first, round), deltas(groups)),
      (trx, round) => saveMetrics(trx, later(second, round + 1), later(second, round), deltas(groups.toReversed())),
    );
    expect(failures).toEqual([]);
    await expectEveryChangeCounted(ownHour);
    // And each ticket's row holds its last change.
    const touches = await db()
      .selectFrom("ticket_metrics")
      .select(["ticket_id", "agent_touches"])
      .where("ticket_id", "in", [first.ticket_id, second.ticket_id])
      .orderBy("ticket_id")
      .execute();
    expect(touches.map((t) => Number(t.agent_touches))).toEqual(
      [first, second].sort((a, b) => (a.ticket_id < b.ticket_id ? -1 : 1)).map((row) => row.agent_touches + rounds),
    );
  });

  it("marks every stale day when two transactions mark the same days in opposite orders", async () => {
    const days = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i, 12)).toISOString());
    const today = "2026-01-01";
    const failures = await inOppositeOrders(
      (trx) => markCubeDirty(trx, days, today),
      (trx) => markCubeDirty(trx, days.toReversed(), today),
    );
    expect(failures).toEqual([]);
    const dirty = await db()
      .selectFrom("report_periods")
      .select("period")
      .where("grain", "=", "day")
      .where("state", "=", "dirty")
      .where("period", ">=", "2025-01-01")
      .where("period", "<=", "2025-10-27")
      .execute();
    expect(dirty).toHaveLength(days.length);
  });
});
