/**
 * In WAL mode a commit appends the pages it changed to the WAL, and every 1,000 pages the committing connection
 * copies them back into the database file and syncs it (a checkpoint). A ticket creation changes about 50 pages,
 * so on the main connection every twentieth creation or so paid 5–13 ms for a checkpoint, about half of all the
 * time spent committing (docs/benchmarks.md), while every request waited for the event loop.
 *
 * This moves that work to a thread with its own connection (checkpoint-worker.ts), which checkpoints every
 * `intervalMs`. The main connection keeps a checkpoint of its own only as a backstop, at `backstopPages`, for when
 * the thread falls behind or is gone; if the thread fails, the main connection goes back to SQLite's default.
 * Durability is unchanged: a commit is in the WAL either way, and a checkpoint only moves it.
 */
import { Worker } from "node:worker_threads";
import type { CheckpointMessage, CheckpointWorkerData } from "./checkpoint-worker.ts";

/** SQLite's own default for `wal_autocheckpoint`, restored when the thread is not there. */
export const sqliteDefaultAutocheckpoint = 1000;
/** Pages (4 KiB each) the WAL may hold before the main connection checkpoints by itself: about 40 MB. */
export const backstopPages = 10_000;
export const defaultCheckpointIntervalMs = 200;

export type CheckpointTarget = {
  file: string;
  /** Sets `wal_autocheckpoint` on the main connection. */
  autocheckpoint: (pages: number) => void;
};

export type Checkpointer = {
  /** Called after each checkpoint that copied pages, with the WAL's frames and how many are in the file. */
  onCheckpoint: (listener: (progress: { log: number; checkpointed: number }) => void) => () => void;
  stop: () => Promise<void>;
};

const workerUrl = new URL("./checkpoint-worker.ts", import.meta.url);

export function startCheckpointer(
  target: CheckpointTarget,
  intervalMs: number = defaultCheckpointIntervalMs,
): Checkpointer {
  const data: CheckpointWorkerData = { file: target.file, intervalMs };
  const worker = new Worker(workerUrl, { workerData: data });
  const listeners = new Set<(progress: { log: number; checkpointed: number }) => void>();
  let running = true;
  const handBack = () => {
    if (!running) return;
    running = false;
    try {
      target.autocheckpoint(sqliteDefaultAutocheckpoint);
    } catch {
      // The main connection is closed already: nothing is left to checkpoint on it.
    }
  };
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  target.autocheckpoint(backstopPages);
  worker.on("message", (message: CheckpointMessage) => {
    if ("ready" in message && !message.ready) handBack();
    if ("log" in message) for (const listener of listeners) listener(message);
  });
  worker.on("error", handBack);
  worker.on("exit", handBack);
  // A thread that only checkpoints must not keep a CLI command or a test file from ending (after the listeners:
  // attaching one refs the thread again).
  worker.unref();
  return {
    onCheckpoint(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      handBack();
      // Held open until the thread is gone: unref'd, a process with nothing else to do never saw the exit, and a
      // stop awaited at the end of a start that failed never returned.
      worker.ref();
      // The thread closes its connection itself, so the main connection's close is the last one and ends the WAL.
      worker.postMessage({ stop: true });
      await exited;
    },
  };
}
