import { describe, expect } from "vitest";
import { itFromMigration } from "../../test/migration-test.ts";
import { counterDifferences } from "../../tickets/counts/repair.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0027: the queue counters start from the tickets that existed before them", () => {
  itFromMigration(
    "counts old tickets per status, group, assignee and priority",
    "0026_knowledge_base",
    async (db, engine) => {
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
    },
  );
});
