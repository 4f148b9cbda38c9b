import { sql } from "kysely";
import { describe, expect } from "vitest";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0031: organizations that share a name today still upgrade", () => {
  itFromMigration(
    "numbers the later duplicates and dates every organization",
    "0030_idempotency_keys",
    async (db, engine) => {
      const rows = [
        ["o-1", "Acme", null, "2020-01-01T00:00:00.000Z"],
        ["o-2", "ACME", null, "2020-01-02T00:00:00.000Z"],
        ["o-3", "Acme", null, "2020-01-03T00:00:00.000Z"],
        ["d-1", "IT", "o-1", "2020-01-04T00:00:00.000Z"],
        ["d-2", "IT", "o-2", "2020-01-05T00:00:00.000Z"],
      ] as const;
      for (const [id, name, parent, at] of rows) {
        await sql`insert into organizations (id, name, parent_id, created_at) values (${id}, ${name}, ${parent}, ${at})`.execute(
          db,
        );
      }
      await migrateToLatest(db, engine);
      const after = await db.selectFrom("organizations").select(["id", "name", "updated_at"]).orderBy("id").execute();
      expect(after.map((o) => [o.id, o.name])).toEqual([
        ["d-1", "IT"],
        ["d-2", "IT"],
        ["o-1", "Acme"],
        ["o-2", "ACME (2)"],
        ["o-3", "Acme (3)"],
      ]);
      expect(after.every((o) => o.updated_at !== null)).toBe(true);
    },
  );
});
