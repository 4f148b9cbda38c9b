import { expect, it } from "vitest";
import { ensureCategories } from "../bootstrap.ts";
import { describeEachEngine } from "../test/engines.ts";
import { testConfig } from "../test/factories.ts";
import { seedDemoHistory } from "./demo-history.ts";

describeEachEngine("the demo's report history", ({ db, engine }) => {
  it("works tickets through the real commands over past days, so a fresh start's reports have figures", async () => {
    await ensureCategories(db());
    const before = Date.now();
    const created = await seedDemoHistory(db(), engine, testConfig(), 7);
    // The clock it moved back is the real one again.
    expect(Date.now()).toBeGreaterThanOrEqual(before);
    expect(created).toBeGreaterThan(0);

    const tickets = await db().selectFrom("tickets").select(["id", "created_at"]).execute();
    expect(tickets).toHaveLength(created);
    const days = new Set(tickets.map((t) => new Date(t.created_at).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(3);
    // Every ticket has its metrics row, and the hourly rollups count each creation once.
    const metrics = await db().selectFrom("ticket_metrics").select("ticket_id").execute();
    expect(metrics).toHaveLength(created);
    const rollups = await db()
      .selectFrom("report_rollups")
      .select((eb) => [eb.fn.sum<number>("created").as("created"), eb.fn.sum<number>("solved").as("solved")])
      .executeTakeFirstOrThrow();
    expect(Number(rollups.created)).toBe(created);
    expect(Number(rollups.solved)).toBeGreaterThan(0);
  }, 120_000);
});
