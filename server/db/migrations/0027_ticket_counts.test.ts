import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, describe, expect, it } from "vitest";
import { createBlankDatabase, isPostgresReachable } from "../../test/engines.ts";
import { counterDifferences } from "../../tickets/counts/repair.ts";
import type { Engine } from "../engine.ts";
import { migrateToLatest, migrations } from "../migrate.ts";
import type { Database } from "../schema.ts";

describe("migration 0027: the queue counters start from the tickets that existed before them", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function blank(engine: Engine): Promise<Kysely<Database>> {
    const scratch = await createBlankDatabase(engine);
    cleanups.push(scratch.drop);
    return scratch.db;
  }

  for (const engine of ["sqlite", "postgres"] as const) {
    it(`counts old tickets per status, group, assignee and priority (${engine})`, async () => {
      if (engine === "postgres" && !(await isPostgresReachable())) {
        if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
        return;
      }
      const db = await blank(engine);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
      expect((await migrator.migrateTo("0026_knowledge_base")).error).toBeUndefined();
      const at = new Date().toISOString();
      const statuses = await db.selectFrom("statuses").select("id").orderBy("position").execute();
      await db
        .insertInto("tickets")
        .values(
          [0, 1, 2, 3, 4].map((i) => ({
            id: `t-${i}`,
            number: 100 + i,
            subject: `Old ticket ${i}`,
            message: "From before the counters",
            message_format: "text" as const,
            priority: i < 3 ? ("high" as const) : ("low" as const),
            category_id: null,
            status_id: statuses[i % 2]?.id ?? "",
            requester_email: "old@example.com",
            requester_name: "Old Requester",
            requester_id: null,
            organization_id: null,
            service_id: null,
            ticket_type_id: null,
            group_id: null,
            solved_at: null,
            follow_up_of: null,
            merged_into_id: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await migrateToLatest(db, engine);
      const counters = await db
        .selectFrom("ticket_counts")
        .select(["priority", "tickets"])
        .orderBy("priority")
        .orderBy("tickets")
        .execute();
      expect(counters).toEqual([
        { priority: "high", tickets: 1 },
        { priority: "high", tickets: 2 },
        { priority: "low", tickets: 1 },
        { priority: "low", tickets: 1 },
      ]);
      expect(await counterDifferences(db)).toEqual([]);
    });
  }
});
