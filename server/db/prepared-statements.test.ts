import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlankPostgresDatabase, isPostgresReachable } from "../test/engines.ts";
import { openPostgres } from "./database.ts";
import { postgresTypes } from "./engine.ts";
import { withPreparedStatements } from "./prepared-statements.ts";

type Scratch = { db: Kysely<unknown>; pool: ReturnType<typeof withPreparedStatements> };

/** The statements PostgreSQL holds prepared for the one connection `db` uses, by their text. */
async function preparedTexts(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
  return rows.map((r) => r.statement);
}

describe("prepared statements on PostgreSQL", () => {
  let url = "";
  let drop: () => Promise<void> = async () => {};
  const opened: Kysely<unknown>[] = [];

  beforeAll(async () => {
    if (!(await isPostgresReachable())) {
      if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
      return;
    }
    ({ url, drop } = await createBlankPostgresDatabase());
  });
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    await drop();
  });

  /** One connection, so every statement of a test meets the ones it prepared before. */
  function open(limit: number): Scratch {
    const pool = withPreparedStatements(new pg.Pool({ connectionString: url, max: 1, types: postgresTypes }), limit);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool, controlClient: pg.Client }) });
    opened.push(db);
    return { db, pool };
  }

  it("parses a data statement once per connection and runs it again by name", async ({ skip }) => {
    if (!url) skip();
    const { db, pool } = open(10);
    for (const n of [1, 2, 3]) {
      const { rows } = await sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(db);
      expect(rows).toEqual([{ doubled: n * 2 }]);
    }
    const texts = await preparedTexts(db);
    expect(texts.filter((t) => t === "select $1::int * 2 as doubled")).toHaveLength(1);
    expect(pool.preparedStats().named).toBeGreaterThanOrEqual(3);
  });

  it("keeps at most the limit of texts prepared and runs the rest unnamed, with the same results", async ({ skip }) => {
    if (!url) skip();
    const { db } = open(2);
    const results: number[] = [];
    for (const offset of [10, 20, 30, 40]) {
      const { rows } = await sql<{ v: number }>`select ${5}::int + ${sql.lit(offset)} as v`.execute(db);
      results.push(rows[0]?.v ?? 0);
    }
    expect(results).toEqual([15, 25, 35, 45]);
    // Two of the four texts, and nothing else: the query reading the view is over the limit too.
    expect((await preparedTexts(db)).sort()).toEqual(["select $1::int + 10 as v", "select $1::int + 20 as v"]);
  });

  it("runs a script of several statements without parameters, which cannot be prepared", async ({ skip }) => {
    if (!url) skip();
    const { db } = open(10);
    await sql`create table script_check (a int); insert into script_check values (7); insert into script_check values (8)`.execute(
      db,
    );
    const { rows } = await sql<{ total: number }>`select sum(a)::int as total from script_check where a > ${0}`.execute(
      db,
    );
    expect(rows).toEqual([{ total: 15 }]);
  });

  it("after a table changes shape, a prepared select * fails once and then runs unnamed with the new columns", async ({
    skip,
  }) => {
    if (!url) skip();
    const { db } = open(10);
    await sql`create table reshaped (a int)`.execute(db);
    await sql`insert into reshaped values (1)`.execute(db);
    const read = () => sql<Record<string, number | null>>`select * from reshaped where a = ${1}`.execute(db);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await sql`alter table reshaped add column b int`.execute(db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([{ a: 1, b: null }]);
    expect((await read()).rows).toEqual([{ a: 1, b: null }]);
  });

  it("is what the app's PostgreSQL handle uses", async ({ skip }) => {
    if (!url) skip();
    const { db } = openPostgres(url, 1);
    opened.push(db as Kysely<unknown>);
    for (const n of [1, 2]) await sql`select ${n}::int as app_check`.execute(db);
    expect(await preparedTexts(db as Kysely<unknown>)).toContain("select $1::int as app_check");
  });
});
