import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, describe, expect, it } from "vitest";
import { createBlankDatabase, isPostgresReachable } from "../../test/engines.ts";
import { migrateToLatest, migrations } from "../migrate.ts";
import type { Database } from "../schema.ts";

describe("migration 0031: organizations that share a name today still upgrade", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  for (const engine of ["sqlite", "postgres"] as const) {
    it(`numbers the later duplicates and dates every organization (${engine})`, async () => {
      if (engine === "postgres" && !(await isPostgresReachable())) {
        if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
        return;
      }
      const scratch = await createBlankDatabase(engine);
      cleanups.push(scratch.drop);
      const db: Kysely<Database> = scratch.db;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
      expect((await migrator.migrateTo("0030_idempotency_keys")).error).toBeUndefined();
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
    });
  }
});
