import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * Sorting a queue by priority read a CASE over every ticket before it could
 * return the first page (4–12 s at a million tickets). The rank is now a
 * generated column, derived by the database from `priority` so no writer can
 * let it drift, under an index that keyset pages walk in order: virtual on
 * SQLite (its ALTER TABLE can only add those; the index stores the value),
 * stored on PostgreSQL.
 */
export function priorityRank(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const rank = sql`case priority when 'low' then 0 when 'medium' then 1 when 'high' then 2 else 3 end`;
      if (engine === "sqlite") {
        await sql`alter table tickets add column priority_rank integer generated always as (${rank}) virtual`.execute(
          db,
        );
      } else {
        await sql`alter table tickets add column priority_rank smallint generated always as (${rank}) stored`.execute(
          db,
        );
      }
      await db.schema.createIndex("tickets_priority_rank").on("tickets").columns(["priority_rank", "id"]).execute();
    },
  };
}
