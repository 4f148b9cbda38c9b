/**
 * The thread side of the checkpointer (checkpointer.ts): a connection of its own to the WAL database that copies
 * committed pages from the WAL into the database file, every `intervalMs`, so the main connection's commits do not.
 */
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

export type CheckpointWorkerData = { file: string; intervalMs: number };
/** After each checkpoint that copied pages: how many frames the WAL holds and how many are in the file now. */
export type CheckpointMessage =
  | { ready: true }
  | { ready: false; error: string }
  | { log: number; checkpointed: number };

type CheckpointRow = { busy: number; log: number; checkpointed: number };

const port = parentPort;
if (port) {
  const { file, intervalMs } = workerData as CheckpointWorkerData;
  let database: SQLite.Database | undefined;
  try {
    database = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
  }
  if (database) {
    const connection = database;
    let copied = 0;
    const timer = setInterval(() => {
      // PASSIVE: never waits for or blocks the writer or readers; pages a reader still needs are copied next time.
      const [row] = connection.pragma("wal_checkpoint(PASSIVE)") as CheckpointRow[];
      if (row && row.checkpointed > 0 && row.checkpointed !== copied) {
        port.postMessage({ log: row.log, checkpointed: row.checkpointed });
      }
      // The writer restarts the WAL from its first frame once everything is copied, so the count falls again.
      copied = row?.checkpointed ?? 0;
    }, intervalMs);
    port.on("message", (message: { stop: true }) => {
      if (!message.stop) return;
      clearInterval(timer);
      // Closing the port ends the thread; the main side waits for that exit, not for a message.
      connection.close();
      port.close();
    });
    port.postMessage({ ready: true });
  }
}
