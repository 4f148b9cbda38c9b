/**
 * Everything that differs between SQLite and PostgreSQL lives here, so the rest
 * of the code base writes one query for both engines.
 */
import pg from "pg";

export type Engine = "sqlite" | "postgres";
export const engines: readonly Engine[] = ["sqlite", "postgres"];

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

/** SQLite hands back the stored text; PostgreSQL's jsonb is already parsed by `pg`. */
export function decodeJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** The current time in the one timestamp format both engines store. */
export function now(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/**
 * Type parsers for `pg`: timestamptz comes back as the same ISO string SQLite
 * stores, and bigint counts as numbers (our counts stay far below 2^53).
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};
