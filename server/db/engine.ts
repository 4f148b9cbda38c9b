/**
 * Everything that differs between SQLite and PostgreSQL lives here, so the rest
 * of the code base writes one query for both engines.
 */
import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from "kysely";
import pg from "pg";
import { type Clock, systemClock } from "../clock.ts";

export type Engine = "sqlite" | "postgres";
export const engines: readonly Engine[] = ["sqlite", "postgres"];

/** Which engine a Kysely instance talks to, for the few queries that differ (full-text search). */
export function engineOf<T>(db: Kysely<T>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function timestampColumnType(engine: Engine): "text" | "timestamptz" {
  return engine === "postgres" ? "timestamptz" : "text";
}

export function jsonColumnType(engine: Engine): "text" | "jsonb" {
  return engine === "postgres" ? "jsonb" : "text";
}

/** PostgreSQL can lock rows for one worker (FOR UPDATE SKIP LOCKED); SQLite serialises all writers instead. */
export function supportsRowLocks(engine: Engine): boolean {
  return engine === "postgres";
}

export function encodeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * Both engines hand back JSON as its text (see `postgresTypes`): parsing here,
 * once, is the only way a stored JSON string like "example.com" stays a string.
 */
export function decodeJson(value: unknown): unknown {
  if (typeof value !== "string") throw new Error("JSON columns must come back from the database as text.");
  return JSON.parse(value);
}

/** The current time in the one timestamp format both engines store. */
export function now(clock: Clock = systemClock): string {
  return clock().toISOString();
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const JSON_OID = 114;
const JSONB_OID = 3802;

/**
 * Type parsers for `pg`: timestamptz comes back as the same ISO string SQLite
 * stores, bigint counts as numbers (our counts stay far below 2^53), and
 * json/jsonb as their text, as SQLite returns it, for `decodeJson` to parse.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === JSON_OID || oid === JSONB_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * A case-insensitive "contains" that treats % and _ in the searched text as
 * themselves. LIKE with an explicit ESCAPE behaves the same on both engines.
 */
export function containsText(column: Expression<string>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}

/**
 * PostgreSQL: a ticket column among these values, read first by another statement, as one array parameter, so
 * the statement's text (and its prepared plan) is the same however many there are.
 */
export function ticketsAmong(column: "tickets.id" | "tickets.group_id", values: readonly string[]) {
  return (): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(column)} = any(${sql.val([...values])}::text[])`;
}

/** Tickets among these ids (`ticketsAmong`). */
export const amongTicketIds = (ids: readonly string[]) => ticketsAmong("tickets.id", ids);

/**
 * Tickets among these ids on either engine, as one parameter (PostgreSQL's array, SQLite's JSON), so the
 * statement's text is the same however many there are.
 */
export function amongTicketIdsOn(engine: Engine, ids: readonly string[]) {
  if (engine === "postgres") return amongTicketIds(ids);
  return (): RawBuilder<SqlBool> => sql<SqlBool>`tickets.id in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * SQLite: tickets among these numbers, read first by another statement, as one JSON parameter, so the statement's
 * text (and its cached statement) is the same however many there are.
 */
export function amongTicketNumbers(numbers: readonly number[]) {
  return (): RawBuilder<SqlBool> =>
    sql<SqlBool>`tickets.number in (select value from json_each(${JSON.stringify(numbers)}))`;
}
