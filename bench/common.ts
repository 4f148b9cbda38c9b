/** Small helpers shared by the benchmark scripts. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { openDatabase } from "../server/db/database.ts";
import type { Engine } from "../server/db/engine.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import type { Database } from "../server/db/schema.ts";

/** The options of a benchmark that reads a database seeded by bench:seed (for `parseArgs`). */
export const seededDatabaseOptions = {
  "database-url": { type: "string" },
  "data-dir": { type: "string", default: "./.tmp/bench-data" },
  runs: { type: "string" },
  warmup: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * Opens the seeded database (PostgreSQL at --database-url, else SQLite in --data-dir), brings it to the latest
 * migration and counts its tickets; stops with a clear message when there is nothing to measure.
 */
export async function openSeededDatabase(values: { "database-url"?: string | undefined; "data-dir": string }) {
  const databaseUrl = values["database-url"];
  const sqliteFile = path.join(values["data-dir"], "switchboard.db");
  if (!databaseUrl && !existsSync(sqliteFile)) fail(`There is no ${sqliteFile}. Seed first: npm run bench:seed`);
  const { db, engine, location } = openDatabase({ databaseUrl, dataDir: values["data-dir"] });
  await migrateToLatest(db, engine);
  const total = Number(
    (
      await db
        .selectFrom("tickets")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  if (total === 0) {
    await db.destroy();
    fail(`No tickets in ${engine} (${location}). Seed first: npm run bench:seed`);
  }
  return { db, engine, location, total };
}

/**
 * A set-up's mass change of tickets, run by `change` over their numbers in slices of 2,000, each slice its own
 * statements; then, on PostgreSQL, `tickets` vacuumed and analyzed as autovacuum would soon after (it is off on
 * CI's PostgreSQL), so the plans timed are the ones a running help desk gets. In one statement, every ticket it
 * changes adds to the same queue counter rows, and on PostgreSQL each addition within one transaction walks the
 * row's versions so far: one statement over half a million tickets had not ended after 20 minutes. Left
 * unvacuumed, 200,000 rewritten rows made a group agent's Overdue walk every overdue ticket (0.23 s against 3 ms).
 */
export async function changeTicketsInSlices(
  db: Kysely<Database>,
  engine: Engine,
  change: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  const span = await db
    .selectFrom("tickets")
    .select((eb) => [eb.fn.min("number").as("first"), eb.fn.max("number").as("last")])
    .executeTakeFirstOrThrow();
  for (let from = Number(span.first ?? 0); from <= Number(span.last ?? 0); from += 2_000)
    await change(from, from + 1_999);
  if (engine === "postgres") await sql`vacuum analyze tickets`.execute(db);
}

/** Prints the message and ends the process with exit code 1. */
export function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** A whole number option of at least `min`; a clear message and exit 1 otherwise. */
export function intOption(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be a whole number of at least ${min}.`);
  return value;
}

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function count(value: number): string {
  return Math.round(value).toLocaleString("en");
}

/** A plain-text table with right-aligned columns after the first. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}

/**
 * A process's peak resident memory in MB, from Linux's /proc (VmHWM): what the server needed at its
 * largest, worker threads included. "-" where /proc is not there.
 */
export function peakRssMb(pid: number | undefined): string {
  if (pid === undefined) return "-";
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmHWM:"));
    const kb = Number(line?.replace(/\D+/g, ""));
    return Number.isFinite(kb) && kb > 0 ? String(Math.round(kb / 1024)) : "-";
  } catch {
    return "-";
  }
}

/**
 * CPU milliseconds used so far by PostgreSQL's processes on this machine (the server and every backend, from
 * Linux's /proc), so a bench on PostgreSQL can count the database's work beside its own `process.cpuUsage()`.
 * A backend that ends between two readings takes its time with it: measure over connections that stay open.
 * Undefined where /proc is not there.
 */
export function postgresCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux's supported architectures.
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // It ended while we looked.
    }
    // "pid (comm) state ppid …": comm may hold spaces, so the fields are counted after its closing parenthesis.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    if (comm !== "postgres") continue;
    const fields = stat.slice(close + 2).split(" ");
    // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the comm.
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerMs;
}
