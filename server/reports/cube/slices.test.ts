import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { ensureCategories } from "../../bootstrap.ts";
import { timestampColumnType } from "../../db/engine.ts";
import { reportSlices } from "../../db/migrations/0083_report_slices.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { testConfig } from "../../test/factories.ts";
import { seedDemoHistory } from "../demo-history.ts";
import { hourOf } from "../metrics.ts";

/**
 * report_hours' slices (migration 0083): what the metrics reaction keeps as tickets change, and what the
 * migration works out for the hours recorded before slices existed.
 */
describeEachEngine("report slices", ({ db, engine }) => {
  it("the migration gives every filter's hours from what was kept before: exact for priority, channel and service, standing arrivals and solves for agents", async () => {
    await ensureCategories(db());
    await seedDemoHistory(db(), engine, testConfig(), 20);
    const hours = async () =>
      (
        await db().selectFrom("report_hours").selectAll().orderBy("slice").orderBy("hour").orderBy("group_id").execute()
      ).map((h) => ({ ...h, hour: new Date(h.hour).toISOString() }));
    const kept = await hours();
    const metrics = await db().selectFrom("ticket_metrics").selectAll().execute();
    // Every ticket is counted once in every ticket's slice and once in its priority's.
    const created = (prefix: string) =>
      kept.filter((h) => h.slice.startsWith(prefix) && (prefix || !h.slice)).reduce((n, h) => n + h.created, 0);
    expect(created("")).toBe(metrics.length);
    expect(created("priority:")).toBe(metrics.length);
    expect(created("assignee:")).toBe(metrics.filter((m) => m.assignee_id).length);
    // Some were reopened: their first solve counts in the kept hours, and in no slice the migration can rebuild.
    expect(metrics.some((m) => m.reopens > 0)).toBe(true);

    // What a database upgraded to 0083 had: every ticket's hours only, in the table as 0078 made it.
    await db().schema.dropTable("report_hours").execute();
    await db()
      .schema.createTable("report_hours")
      .addColumn("hour", timestampColumnType(engine), (c) => c.notNull())
      .addColumn("group_id", "text", (c) => c.notNull())
      .addColumn("created", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("solved", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("withdrawn", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("reopened", "integer", (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint("report_hours_key", ["hour", "group_id"])
      .execute();
    const before = db() as unknown as Kysely<{ report_hours: Omit<(typeof kept)[number], "slice"> }>;
    await before
      .insertInto("report_hours")
      .values(kept.filter((h) => h.slice === "").map(({ slice: _, ...h }) => h))
      .execute();
    await reportSlices(engine).up(db() as never);
    const migrated = await hours();

    const agents = (rows: typeof kept) => rows.filter((h) => h.slice.startsWith("assignee:"));
    const others = (rows: typeof kept) => rows.filter((h) => !h.slice.startsWith("assignee:"));
    expect(others(migrated)).toEqual(others(kept));
    // Agents' hours: each ticket's arrival where it is now, and its standing solve (counted here by hand).
    const expected = new Map<string, { created: number; solved: number }>();
    const add = (at: string, slice: string, group: string, key: "created" | "solved") => {
      const id = `${slice}|${hourOf(at)}|${group}`;
      const known = expected.get(id) ?? { created: 0, solved: 0 };
      known[key] += 1;
      expected.set(id, known);
    };
    for (const m of metrics) {
      if (!m.assignee_id) continue;
      const slice = `assignee:${m.assignee_id}`;
      add(m.created_at, slice, m.group_id ?? "", "created");
      if (m.solved_at && (m.status_category === "solved" || m.status_category === "closed"))
        add(m.solved_at, slice, m.group_id ?? "", "solved");
    }
    expect(
      new Map(
        agents(migrated).map((h) => [
          `${h.slice}|${h.hour}|${h.group_id}`,
          { created: h.created, solved: h.solved, withdrawn: h.withdrawn, reopened: h.reopened },
        ]),
      ),
    ).toEqual(new Map([...expected].map(([id, counts]) => [id, { ...counts, withdrawn: 0, reopened: 0 }])));
    // The cube is built again from the rows: nothing of it is kept.
    expect(await db().selectFrom("report_periods").select("period").execute()).toEqual([]);
  }, 120_000);
});
