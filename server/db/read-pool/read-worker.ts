/**
 * The thread side of the read pool (worker-pool.ts): one read-only connection
 * to the WAL database, one statement at a time. A statement that outruns its
 * budget gets this thread terminated by the pool; everything else in the
 * process keeps running meanwhile.
 */

import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

export type ReadWorkerData = { file: string };
export type ReadTask = { id: number; sql: string; parameters: readonly unknown[] };
export type ReadTaskResult =
  | { id: number; rows: Record<string, unknown>[] }
  | { id: number; changes: number; lastInsertRowid: number | bigint }
  | { id: number; error: { message: string; code: string | undefined } };
export type ReadWorkerMessage = ReadTaskResult | { ready: true } | { ready: false; error: string };

/** Blobs cross the thread boundary as Uint8Array; better-sqlite3 binds Buffers. */
function bindable(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

function open(file: string): SQLite.Database {
  // Read-only: a statement routed here by mistake fails instead of writing around the serial write path.
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  database.pragma("busy_timeout = 5000");
  // No SQL functions of ours (full-text.ts): only the search index's triggers call them, and nothing here writes.
  // Loading nothing but better-sqlite3 keeps a thread's start (at start-up, after a cancel) short.
  return database;
}

function run(database: SQLite.Database, task: ReadTask): ReadTaskResult {
  const statement = database.prepare(task.sql);
  const parameters = task.parameters.map(bindable);
  if (statement.reader) return { id: task.id, rows: statement.all(parameters) as Record<string, unknown>[] };
  // begin / commit of a read transaction (a consistent snapshot over several statements).
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { id: task.id, changes, lastInsertRowid };
}

const port = parentPort;
if (port) {
  const { file } = workerData as ReadWorkerData;
  let database: SQLite.Database | undefined;
  try {
    database = open(file);
  } catch (error) {
    port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
  }
  if (database) {
    const connection = database;
    port.on("message", (task: ReadTask) => {
      try {
        port.postMessage(run(connection, task));
      } catch (error) {
        const { message, code } = error as { message?: unknown; code?: unknown };
        port.postMessage({
          id: task.id,
          error: { message: String(message ?? error), code: typeof code === "string" ? code : undefined },
        });
      }
    });
    port.postMessage({ ready: true });
  }
}
