/** A migration cut short (the process killed, a statement failing) leaves nothing half-done, on both engines. */
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";

describeEachEngine("an interrupted migration", ({ db }) => {
  it("is undone as a whole, so the next start runs it again from the beginning", async () => {
    let cutShort = true;
    const migrator = () =>
      new Migrator({
        db: db(),
        migrationTableName: "interrupted_test_migrations",
        migrationLockTableName: "interrupted_test_migrations_lock",
        provider: {
          getMigrations: async () => ({
            "0001_two_tables": {
              up: async (trx) => {
                await trx.schema.createTable("interrupted_first").addColumn("id", "integer").execute();
                if (cutShort) throw new Error("the process was killed here");
                await trx.schema.createTable("interrupted_second").addColumn("id", "integer").execute();
              },
            },
          }),
        },
      });
    const first = await migrator().migrateToLatest();
    expect(first.error).toBeInstanceOf(Error);
    // Nothing of the cut migration stays: before, SQLite kept the first table, and every start after failed
    // with "table interrupted_first already exists".
    const tables = await db().introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain("interrupted_first");

    cutShort = false;
    const again = await migrator().migrateToLatest();
    expect(again.error).toBeUndefined();
    expect(again.results?.map((r) => [r.migrationName, r.status])).toEqual([["0001_two_tables", "Success"]]);
    await sql`select count(*) from interrupted_second`.execute(db());
  });
});
