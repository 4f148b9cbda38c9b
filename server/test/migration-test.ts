import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { expect, it } from "vitest";
import { type Engine, engines } from "../db/engine.ts";
import { migrations } from "../db/migrate.ts";
import type { Database } from "../db/schema.ts";
import { createBlankDatabase, isPostgresReachable } from "./engines.ts";

/**
 * A migration's own test, once per engine: a blank database migrated up to `upTo` (the migration before the
 * one under test) is handed to `body`, which adds rows of the old shape, migrates on and checks them; the
 * database is removed afterwards. PostgreSQL is skipped only outside CI when no server answers, as everywhere.
 */
export function itFromMigration(
  title: string,
  upTo: string,
  body: (db: Kysely<Database>, engine: Engine) => Promise<void>,
): void {
  for (const engine of engines) {
    it(`${title} (${engine})`, async () => {
      if (engine === "postgres" && !(await isPostgresReachable())) {
        if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
        return;
      }
      const scratch = await createBlankDatabase(engine);
      try {
        const migrator = new Migrator({ db: scratch.db, provider: { getMigrations: async () => migrations(engine) } });
        expect((await migrator.migrateTo(upTo)).error).toBeUndefined();
        await body(scratch.db, engine);
      } finally {
        await scratch.drop();
      }
    });
  }
}
