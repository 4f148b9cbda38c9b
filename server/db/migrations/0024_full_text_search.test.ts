import { sql } from "kysely";
import { describe, expect } from "vitest";
import { itFromMigration } from "../../test/migration-test.ts";
import { type Audience, matchesText } from "../full-text.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0024: the search index covers the tickets that existed before it", () => {
  itFromMigration(
    "indexes old tickets, their replies and notes, each for its audience",
    "0018_service_icon_names",
    async (db, engine) => {
      const at = new Date().toISOString();
      const status = await db.selectFrom("statuses").select("id").executeTakeFirstOrThrow();
      await db
        .insertInto("tickets")
        .values({
          id: "t-old",
          number: 41,
          subject: "Elevator stuck",
          message: "<p>Between <em>floors</em> four and five</p>",
          message_format: "html",
          priority: "high",
          category_id: null,
          status_id: status.id,
          requester_email: "old@example.com",
          requester_name: "Old Requester",
          requester_id: null,
          organization_id: null,
          service_id: null,
          ticket_type_id: null,
          group_id: null,
          assignee_id: null,
          solved_at: null,
          follow_up_of: null,
          merged_into_id: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const [id, visibility, body] of [
        ["e-1", "public", "The technician is on the way"],
        ["e-2", "internal", "Maintenance contract quibblewort"],
      ] as const) {
        await db
          .insertInto("ticket_events")
          .values({
            id,
            ticket_id: "t-old",
            type: visibility === "public" ? "comment" : "note",
            actor_id: null,
            actor_name: "Agent",
            visibility,
            payload: JSON.stringify({ body, format: "text" }),
            created_at: at,
          })
          .execute();
      }

      await migrateToLatest(db, engine);
      const find = async (word: string, audience: Audience) =>
        (
          await db
            .selectFrom("tickets")
            .select("number")
            .where(matchesText(engine, [{ kind: "word", word }], audience))
            .execute()
        ).map((r) => r.number);
      expect(await find("elevat", "customer")).toEqual([41]);
      expect(await find("floors", "customer")).toEqual([41]);
      expect(await find("technician", "customer")).toEqual([41]);
      expect(await find("em", "customer")).toEqual([]);
      expect(await find("quibblewort", "customer")).toEqual([]);
      expect(await find("quibblewort", "agent")).toEqual([41]);
      // A reply after the migration reaches the index through its trigger.
      await sql`insert into ticket_events (id, ticket_id, type, actor_id, actor_name, visibility, payload, created_at)
      values ('e-3', 't-old', 'comment', null, 'Agent', 'public', ${JSON.stringify({ body: "Fixed by noon", format: "text" })}, ${at})`.execute(
        db,
      );
      expect(await find("noon", "customer")).toEqual([41]);
    },
  );
});
