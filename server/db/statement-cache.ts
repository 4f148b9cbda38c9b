import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct SQL texts kept prepared; the app has a few hundred, so the cache rarely has to evict. */
export const defaultStatementCacheSize = 1000;

export type CachedSqliteDatabase = SqliteDatabase & {
  /** How many SQL texts were prepared and how many were served from the cache, for tests and benchmarks. */
  statementStats(): { prepared: number; reused: number; cached: number };
};

/**
 * Kysely's SQLite driver prepares every query's SQL again, on every call: a
 * ticket creation spent about a tenth of its CPU time re-preparing the same
 * twenty statements. This hands Kysely a database whose `prepare` returns the
 * statement it prepared before for the same text (least recently used ones
 * are finalised beyond `size`).
 *
 * Sharing is safe because the connection is used by one query at a time
 * (Kysely's SQLite adapter holds a mutex for the connection) and better-sqlite3
 * resets a statement when `all`/`run` return or throw. Only `iterate` leaves a
 * statement busy until the iterator ends, and Kysely calls it only from
 * `stream()`, so a stream gets a statement of its own.
 */
export function withStatementCache(
  database: SQLite.Database,
  size: number = defaultStatementCacheSize,
  /** Runs before a statement that writes outside a transaction (it commits at once); may throw to refuse it. */
  beforeAutocommitWrite?: () => void,
): CachedSqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  let prepared = 0;
  let reused = 0;

  function cached(sql: string): SQLite.Statement {
    const hit = cache.get(sql);
    if (hit) {
      reused += 1;
      // Map keeps insertion order: moving a hit to the end makes the first entry the least recently used.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = database.prepare(sql);
    prepared += 1;
    cache.set(sql, statement);
    if (cache.size > size) {
      const oldest = cache.keys().next().value;
      // A dropped statement is finalised by the garbage collector; nothing else refers to it.
      if (oldest !== undefined) cache.delete(oldest);
    }
    return statement;
  }

  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const statement = cached(sql);
      const check = () => {
        if (beforeAutocommitWrite && !statement.readonly && !database.inTransaction) beforeAutocommitWrite();
      };
      return {
        reader: statement.reader,
        all: (parameters) => {
          check();
          return statement.all([...parameters]);
        },
        run: (parameters) => {
          check();
          return statement.run([...parameters]);
        },
        // A streamed query keeps its statement busy while the caller reads: it must not be one others share.
        iterate: (parameters) => database.prepare(sql).iterate([...parameters]),
      };
    },
    statementStats: () => ({ prepared, reused, cached: cache.size }),
  };
}
