import { CompiledQuery, type Kysely } from "kysely";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/**
 * The plan an engine chooses for a statement, as one line of text, for tests that check an index is used.
 * PostgreSQL reads a test's small tables whole whatever their indexes, so sequential and bitmap scans are off
 * for the one statement: the plan then shows the index it would use on a large table.
 */
export async function planOf(db: Kysely<Database>, engine: Engine, compiled: CompiledQuery): Promise<string> {
  const parameters = [...compiled.parameters];
  if (engine === "sqlite") {
    const { rows } = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, parameters),
    );
    return rows.map((r) => r.detail).join(" ");
  }
  return db.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw("set local enable_seqscan = off"));
    await trx.executeQuery(CompiledQuery.raw("set local enable_bitmapscan = off"));
    const { rows } = await trx.executeQuery<{ "QUERY PLAN": string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, parameters),
    );
    return rows.map((r) => r["QUERY PLAN"]).join(" ");
  });
}
