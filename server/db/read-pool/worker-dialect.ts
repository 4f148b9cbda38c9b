/**
 * Kysely over the read pool: the same SQL compiler, adapter and introspector
 * as Kysely's SqliteDialect, with a driver whose connections are leases on a
 * pool thread. A query leases a thread for itself; a read transaction keeps
 * its thread from `begin` to `commit`, so it reads one snapshot.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { ReadSlot, ReadWorkerPool } from "./worker-pool.ts";

class ReadPoolConnection implements DatabaseConnection {
  readonly slot: ReadSlot;
  private readonly pool: ReadWorkerPool;

  constructor(pool: ReadWorkerPool, slot: ReadSlot) {
    this.pool = pool;
    this.slot = slot;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pool.execute(this.slot, compiledQuery.sql, compiledQuery.parameters);
    return result as QueryResult<R>;
  }

  // biome-ignore lint/correctness/useYield: streaming is refused before anything is read.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    // Nothing streams reads today; a stream would hold a thread for as long as its reader dawdles.
    throw new Error("The read pool does not stream; use execute().");
  }
}

class ReadPoolDriver implements Driver {
  private readonly pool: ReadWorkerPool;

  constructor(pool: ReadWorkerPool) {
    this.pool = pool;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ReadPoolConnection(this.pool, await this.pool.acquire());
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.pool.release((connection as ReadPoolConnection).slot);
  }

  async destroy(): Promise<void> {
    await this.pool.close();
  }
}

export class ReadPoolDialect implements Dialect {
  private readonly pool: ReadWorkerPool;

  constructor(pool: ReadWorkerPool) {
    this.pool = pool;
  }

  createDriver(): Driver {
    return new ReadPoolDriver(this.pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
