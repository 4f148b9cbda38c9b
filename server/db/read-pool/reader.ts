/**
 * The reader: a Kysely instance for reads that may be slow, kept apart from
 * the main one so they can neither block nor outlast the rest.
 *
 * - SQLite: a pool of worker threads with read-only WAL connections
 *   (worker-pool.ts), each statement cancelled after the budget.
 * - PostgreSQL: pg is already asynchronous, so a slow read never blocks the
 *   event loop; the reader is a pool of its own whose connections carry
 *   `statement_timeout`, so the same reads get the same budget, while writes
 *   and migrations on the main pool keep none.
 * - Pool off (READ_POOL_SIZE=0), or a database no thread can open (in memory):
 *   the main instance itself, without a budget.
 *
 * Writes and transactions that write always stay on the main instance: a
 * read-only connection refuses them. A commit on the main instance happens
 * before its response is sent, and a later statement on any reader sees it.
 */
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { type Checkpointer, startCheckpointer } from "../checkpointer.ts";
import { type DatabaseSource, postgresSessionOptions, sourceOf, surviveLostConnections } from "../database.ts";
import { postgresTypes } from "../engine.ts";
import type { Database } from "../schema.ts";
import { ReadPoolDialect } from "./worker-dialect.ts";
import { queryTimeout, ReadWorkerPool } from "./worker-pool.ts";

export type ReaderOptions = { size: number; budgetMs: number };

export type Reader = {
  db: Kysely<Database>;
  /** `threads`: SQLite worker threads; `postgres`: a budgeted pool; `main`: the main instance (see `why`). */
  kind: "threads" | "postgres" | "main";
  /** Why the reader is the main instance, for the start-up log. */
  why?: string;
  /** The threads, on SQLite (for tests and the benchmark to look at). */
  pool?: ReadWorkerPool;
  /** The thread that checkpoints the WAL, on SQLite, once warm() started it. */
  checkpointer?: Checkpointer;
  /** Starts the threads now (the server does, at start), so the first reads do not wait for one to load. */
  warm: () => void;
  close: () => Promise<void>;
};

/** PostgreSQL's code for a statement cancelled by `statement_timeout`. */
const queryCanceled = "57014";

/** The same pool size as the main pool: PostgreSQL's own processes do the work, not this one. */
const postgresReadConnections = 10;

/** The main instance as its own reader; closing it is the owner's business. */
function mainReader(db: Kysely<Database>, why: string): Reader {
  return { db, kind: "main", why, warm: () => {}, close: async () => {} };
}

/** A pg connection whose statements cancelled for their budget become `query_timeout`. */
class BudgetedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  private readonly budgetMs: number;

  constructor(inner: DatabaseConnection, budgetMs: number) {
    this.inner = inner;
    this.budgetMs = budgetMs;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiledQuery);
    } catch (error) {
      if ((error as { code?: unknown }).code === queryCanceled) throw queryTimeout(this.budgetMs);
      throw error;
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

/** Kysely's pg driver, with its connections wrapped in BudgetedConnection. */
class BudgetedDriver implements Driver {
  private readonly inner: Driver;
  private readonly budgetMs: number;

  constructor(inner: Driver, budgetMs: number) {
    this.inner = inner;
    this.budgetMs = budgetMs;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new BudgetedConnection(await this.inner.acquireConnection(), this.budgetMs);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(innerOf(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(innerOf(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(innerOf(connection));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function innerOf(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof BudgetedConnection ? connection.inner : connection;
}

class BudgetedPostgresDialect extends PostgresDialect {
  private readonly budgetMs: number;

  constructor(config: PostgresDialectConfig, budgetMs: number) {
    super(config);
    this.budgetMs = budgetMs;
  }

  override createDriver(): Driver {
    return new BudgetedDriver(super.createDriver(), this.budgetMs);
  }
}

function postgresReader(connectionString: string, budgetMs: number, connectTimeoutMs: number): Reader {
  const pool = new pg.Pool({
    connectionString,
    // As the main pool's: a server that never answers fails the read instead of hanging it.
    connectionTimeoutMillis: connectTimeoutMs,
    max: postgresReadConnections,
    types: postgresTypes,
    // Set by the server on each connection: every statement of the reader has the budget, nothing else does.
    statement_timeout: Math.max(1, Math.round(budgetMs)),
    // Read-only, as the SQLite threads are: a write sent here by mistake fails instead of bypassing the main pool.
    options: `-c default_transaction_read_only=on ${postgresSessionOptions}`,
    // Idle read connections must not keep a process (a test file, a CLI command) from ending.
    allowExitOnIdle: true,
  });
  // As on the main pool: a connection the server ended fails its statement, not the process.
  surviveLostConnections(pool);
  const db = new Kysely<Database>({ dialect: new BudgetedPostgresDialect({ pool }, budgetMs) });
  return { db, kind: "postgres", warm: () => {}, close: () => db.destroy() };
}

/** A reader over `source` (the main instance's, from sourceOf) with these options. */
export function openReader(main: Kysely<Database>, source: DatabaseSource | undefined, options: ReaderOptions): Reader {
  if (options.size <= 0) return mainReader(main, "the read pool is off (READ_POOL_SIZE=0)");
  if (!source) return mainReader(main, "the database was not opened from a file or URL");
  if (source.engine === "postgres") {
    return postgresReader(source.connectionString, options.budgetMs, source.connectTimeoutMs);
  }
  if (source.file === ":memory:" || source.file === "") {
    return mainReader(main, "an in-memory SQLite database cannot be shared with threads");
  }
  const pool = new ReadWorkerPool({ file: source.file, size: options.size, budgetMs: options.budgetMs });
  const db = new Kysely<Database>({ dialect: new ReadPoolDialect(pool) });
  // Where the reads leave the main thread, so do the WAL checkpoints (checkpointer.ts), which would otherwise
  // fall on every twentieth creation or so. Started by warm(), as the server does at start: a test's app or a
  // CLI command, which write little, keep SQLite's own checkpoints and no thread for them.
  const reader: Reader = {
    db,
    kind: "threads",
    pool,
    warm: () => {
      pool.warm();
      reader.checkpointer ??= startCheckpointer(source);
    },
    close: async () => {
      await db.destroy();
      await reader.checkpointer?.stop();
    },
  };
  return reader;
}

const readers = new WeakMap<Kysely<Database>, Reader>();

/**
 * The one reader of a main instance, opened on first request: the app, its tests and the benchmarks share it
 * per database, and `closeReaderOf` ends it with the database (main.ts at shutdown, the test helpers on drop).
 */
export function readerOf(main: Kysely<Database>, options: ReaderOptions): Reader {
  let reader = readers.get(main);
  if (!reader) {
    reader = openReader(main, sourceOf(main), options);
    readers.set(main, reader);
  }
  return reader;
}

export async function closeReaderOf(main: Kysely<Database>): Promise<void> {
  const reader = readers.get(main);
  readers.delete(main);
  await reader?.close();
}
