import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
} from "kysely";
import pg from "pg";
import { type Engine, postgresTypes } from "./engine.ts";
import { fileIdentityGuard } from "./file-identity.ts";
import { registerSqliteFunctions } from "./full-text.ts";
import { withPreparedStatements } from "./prepared-statements.ts";
import type { Database } from "./schema.ts";
import { withStatementCache } from "./statement-cache.ts";

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for the start-up banner (a file path or the PostgreSQL URL without its password). */
  location: string;
};

export type DatabaseOptions = { databaseUrl?: string | undefined; dataDir: string };

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(path.join(options.dataDir, "switchboard.db"));
}

export function openSqlite(file: string): DatabaseHandle {
  const database = new SQLite(file);
  const autocheckpoint = (pages: number) => {
    database.pragma(`wal_autocheckpoint = ${Math.max(0, Math.trunc(pages))}`);
  };
  return remembered(openSqliteConnection(database, file), { engine: "sqlite", file, autocheckpoint });
}

function openSqliteConnection(database: SQLite.Database, file: string): DatabaseHandle {
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commits.
  database.pragma("synchronous = NORMAL");
  // The search index's triggers call these; a connection without them could not write tickets.
  registerSqliteFunctions(database);
  // Every write is checked, before it commits, to go to the file at the path: not one deleted or replaced since.
  const sameFile = fileIdentityGuard(file);
  // Prepared statements are reused across queries (statement-cache.ts) rather than prepared on every call.
  const dialect = new ImmediateSqliteDialect(
    { database: withStatementCache(database, undefined, sameFile) },
    database,
    sameFile,
  );
  return { db: new Kysely<Database>({ dialect }), engine: "sqlite", location: file };
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). Kysely's plain BEGIN takes it at the first
 * write, after the command's reads: when another process (a CLI command) held it then, SQLite failed the
 * transaction at once (SQLITE_BUSY, a 500) instead of waiting busy_timeout, since waiting could not help a
 * snapshot that write would make stale. This connection is the process's only writer, so nothing waits longer.
 *
 * A rollback is skipped when SQLite already rolled the transaction back by itself, as it does when the file
 * cannot grow (SQLITE_FULL: a full disk), on an I/O error or out of memory. Kysely's ROLLBACK then failed with
 * "cannot rollback - no transaction is active", and that error replaced the one that said why: a full disk
 * answered 500 "Something went wrong" instead of 503, and the log lost the cause.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: SQLite.Database;
  readonly #beforeCommit: (() => void) | undefined;

  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    database: SQLite.Database,
    beforeCommit?: () => void,
  ) {
    super(config);
    this.#database = database;
    this.#beforeCommit = beforeCommit;
  }

  /**
   * SQLite runs schema changes inside a transaction as well as PostgreSQL does, but Kysely's adapter says it
   * cannot, so its migrator ran each statement on its own: a start killed in the middle of a migration kept the
   * half of it already run, and every start after failed on it ("table … already exists"). Saying so makes the
   * pending migrations one transaction, as on PostgreSQL: all of them, or none. (No migration of ours uses
   * `PRAGMA foreign_keys`, which a transaction would ignore.)
   */
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    const commit = driver.commitTransaction.bind(driver);
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    // Refused, the transaction is rolled back by Kysely, which calls rollbackTransaction when commit throws.
    driver.commitTransaction = async (connection) => {
      this.#beforeCommit?.();
      await commit(connection);
    };
    driver.rollbackTransaction = async (connection) => {
      if (this.#database.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/**
 * Every connection runs without JIT compilation. PostgreSQL compiles a statement whose estimated cost is high;
 * ours are short reads and writes, and an estimate far off (an organization's tickets guessed at all 1M) spent
 * 20–70 ms compiling a statement that then ran in under a millisecond (docs/benchmarks.md, session 18).
 */
export const postgresSessionOptions = "-c jit=off";

/**
 * How long a query waits for a connection: a new one to a server that accepts it and never answers (stopped,
 * hung, a network that drops packets), or a free one of a pool whose every connection is stuck. pg waits forever
 * by default: every request hung, the page spinning, instead of a 503 that says to try again.
 */
export const postgresConnectTimeoutMs = 10_000;

export function openPostgres(
  connectionString: string,
  max = 10,
  connectTimeoutMs = postgresConnectTimeoutMs,
): DatabaseHandle {
  return remembered(openPostgresPool(connectionString, max, connectTimeoutMs), {
    engine: "postgres",
    connectionString,
    connectTimeoutMs,
  });
}

function openPostgresPool(connectionString: string, max: number, connectTimeoutMs: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: postgresTypes,
    options: postgresSessionOptions,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  surviveLostConnections(pool);
  const url = new URL(connectionString);
  url.password = url.password ? "****" : "";
  return {
    // Data statements run prepared, under names derived from their text (prepared-statements.ts); the control
    // client is what Kysely opens to cancel an aborted query, which the wrapped pool does not carry.
    db: new Kysely<Database>({
      dialect: new PostgresDialect({ pool: withPreparedStatements(pool), controlClient: pg.Client }),
    }),
    engine: "postgres",
    location: url.toString(),
  };
}

/**
 * When the server ends a connection (a restart, a failover, `pg_terminate_backend`), pg emits 'error' on that
 * client, and an 'error' without a listener ends the whole process. The pool listens only while a client is
 * idle: it removes its listener for as long as the client is lent out, so a connection lost in the middle of a
 * transaction or a query took the server down with every other request in flight. The statement that was
 * running fails with the same error anyway (answered as 503, http/errors.ts), and the pool drops the dead client
 * when it comes back and opens a new one for the next query, so both listeners only need to keep the process up.
 */
export function surviveLostConnections(pool: pg.Pool): void {
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
}

/**
 * Where an open database's data lives, so the read pool (db/read-pool/) can open connections of its own to the
 * same data: a SQLite file for its threads and its checkpointer, a PostgreSQL URL for its budgeted pool.
 */
export type DatabaseSource =
  | {
      engine: "sqlite";
      file: string;
      /** Sets the main connection's `wal_autocheckpoint`, for the checkpointer (checkpointer.ts). */
      autocheckpoint: (pages: number) => void;
    }
  | { engine: "postgres"; connectionString: string; connectTimeoutMs: number };

const sources = new WeakMap<Kysely<Database>, DatabaseSource>();

function remembered(handle: DatabaseHandle, source: DatabaseSource): DatabaseHandle {
  sources.set(handle.db, source);
  return handle;
}

/** The source of a database opened by openSqlite or openPostgres; undefined for anything else. */
export function sourceOf(db: Kysely<Database>): DatabaseSource | undefined {
  return sources.get(db);
}
