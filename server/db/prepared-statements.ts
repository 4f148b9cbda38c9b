import { createHash } from "node:crypto";
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";

/**
 * Named statements kept per connection. The app sends a few hundred distinct SQL texts; the bound is for texts
 * that vary with their input (an `in` list of each length is a text of its own), which PostgreSQL would otherwise
 * keep prepared until the connection ends. Beyond it a text runs unnamed, as before.
 */
export const defaultPreparedPerConnection = 400;

/**
 * Only plain data statements are named: PostgreSQL cannot prepare several statements in one text, and a text
 * without parameters is sent over the simple protocol, where a migration's script may hold many.
 */
const dataStatement = /^\s*(?:select|insert|update|delete|with)\s/i;

/** SQLSTATE of "cached plan must not change result type": a table a named `select *` reads changed shape. */
const planChangedResultType = "0A000";

export type PreparedStatementStats = { named: number; unnamed: number };

/**
 * PostgreSQL parses, analyses and plans every statement it is sent unnamed: 0.4–0.6 ms each on this machine, most
 * of a small update's time. This hands Kysely a pool whose connections send each data statement under a name
 * derived from its text, so a connection parses it once and PostgreSQL can keep its plan (a generic one, when
 * that costs no more than planning for the values: `plan_cache_mode` stays at its default, `auto`).
 *
 * The name is a hash of the text, so one text has one name on every connection and two texts never share one.
 * pg remembers per connection which names it has sent and parses only the first time.
 */
export function withPreparedStatements(
  pool: pg.Pool,
  limit: number = defaultPreparedPerConnection,
): PostgresPool & { preparedStats(): PreparedStatementStats } {
  const clients = new WeakMap<pg.PoolClient, NamingClient>();
  const stats: PreparedStatementStats = { named: 0, unnamed: 0 };
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        // One wrapper per connection for its whole life: Kysely keeps its own state per client object.
        wrapped = new NamingClient(client, limit, stats);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
    preparedStats: () => ({ ...stats }),
  };
}

const names = new Map<string, string>();
const namesKept = 5000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `sb_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    // The app's texts are far fewer than this; texts that vary with their input only cost a hash again.
    if (names.size >= namesKept) names.clear();
    names.set(text, name);
  }
  return name;
}

class NamingClient implements PostgresPoolClient {
  /** Texts this connection sends named; a text the connection cannot keep prepared goes to `unnamed`. */
  private readonly named = new Set<string>();
  private readonly unnamed = new Set<string>();

  private readonly client: pg.PoolClient;
  private readonly limit: number;
  private readonly stats: PreparedStatementStats;

  constructor(client: pg.PoolClient, limit: number, stats: PreparedStatementStats) {
    this.client = client;
    this.limit = limit;
    this.stats = stats;
  }

  get processID(): number | undefined {
    return (this.client as { processID?: number }).processID;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== "string") return this.client.query(sqlOrCursor as pg.Submittable & PostgresCursor<R>);
    const values = [...(parameters ?? [])];
    if (!this.shouldName(sqlOrCursor, values.length)) {
      this.stats.unnamed += 1;
      return this.client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
    }
    this.stats.named += 1;
    const result = this.client.query({ name: nameOf(sqlOrCursor), text: sqlOrCursor, values });
    return (result as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
      // After a migration changed a table's columns, a statement prepared before it cannot run again on this
      // connection; from now on the text runs unnamed here, and the caller sees this one error.
      if (isPlanChangedError(error)) {
        this.named.delete(sqlOrCursor);
        this.unnamed.add(sqlOrCursor);
      }
      throw error;
    });
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }

  private shouldName(text: string, parameterCount: number): boolean {
    if (this.named.has(text)) return true;
    if (this.unnamed.has(text)) return false;
    if (!dataStatement.test(text) || (parameterCount === 0 && text.includes(";"))) return false;
    if (this.named.size >= this.limit) return false;
    this.named.add(text);
    return true;
  }
}

function isPlanChangedError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === planChangedResultType &&
    String((error as { message?: unknown }).message).includes("cached plan")
  );
}
