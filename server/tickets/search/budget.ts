import { type Kysely, sql } from "kysely";
import { AppError } from "../../core/errors.ts";
import type { Engine } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";

/** A search that needs longer than this is cancelled by PostgreSQL and told as such, rather than left running. */
export const searchBudgetMs = 3000;

const queryCanceled = "57014";

/**
 * Runs `read` with a time budget for each of its statements. On PostgreSQL it
 * runs in a transaction with `statement_timeout` set locally, so only these
 * statements are bounded (migrations and writes elsewhere are not), and a
 * cancelled one becomes a clear "took too long" error. better-sqlite3 offers
 * no way to interrupt a statement, so on SQLite `read` runs unbounded.
 */
export async function withStatementBudget<T>(
  db: Kysely<Database>,
  engine: Engine,
  ms: number,
  read: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (engine !== "postgres") return read(db);
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select set_config('statement_timeout', ${String(Math.max(1, Math.round(ms)))}, true)`.execute(trx);
      return read(trx);
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === queryCanceled) {
      throw new AppError(
        "unavailable",
        "This search took too long and was stopped. Add words or a filter (#number, from:, status:) to narrow it.",
      );
    }
    throw error;
  }
}
