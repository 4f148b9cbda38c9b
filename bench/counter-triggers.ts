/** For measuring what the queue counters cost a write: removes the triggers of migration 0027 from a scratch database. */
import { type Kysely, sql } from "kysely";
import type { Engine } from "../server/db/engine.ts";
import type { Database } from "../server/db/schema.ts";
import { fail } from "./common.ts";

/**
 * Only on a database without tickets: the counters stop following the tickets for good (until the triggers are
 * put back by hand and `counters:repair` recounts), so it must be one made for the benchmark.
 */
export async function dropCounterTriggers(db: Kysely<Database>, engine: Engine): Promise<void> {
  const any = await db.selectFrom("tickets").select("id").limit(1).executeTakeFirst();
  if (any) fail("--without-counters needs a database without tickets (a fresh one made for the benchmark).");
  if (engine === "sqlite") {
    for (const name of ["ticket_counts_insert", "ticket_counts_delete", "ticket_counts_update"]) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
    }
  } else {
    await sql`drop trigger if exists ticket_counts_insert_delete on tickets`.execute(db);
    await sql`drop trigger if exists ticket_counts_update on tickets`.execute(db);
  }
}
