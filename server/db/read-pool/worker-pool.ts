/**
 * better-sqlite3 is synchronous: a statement that runs for seconds holds the
 * event loop, and with it every other request, for those seconds. Reads that
 * can be slow (search, queue lists and counts, feeds) therefore run here, on a
 * small pool of worker threads, each with its own read-only connection to the
 * WAL database. WAL lets them read while the main connection writes, and a
 * statement started after a commit sees it, so a request that follows a write
 * reads that write.
 *
 * A connection (a lease on one thread) is what Kysely acquires for a query or
 * a read transaction (worker-dialect.ts). Each statement has a time budget:
 * when it is spent the caller gets a `query_timeout` error at once, the thread
 * is terminated and a fresh one takes its place. better-sqlite3 cannot
 * interrupt a running statement, so the terminated thread only exits when
 * SQLite returns; until then it counts as "draining", and no more than `size`
 * threads may drain at once, so a stream of runaway searches costs at most
 * twice the pool's threads of CPU rather than one thread per search.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "../../core/errors.ts";
import type { ReadTask, ReadTaskResult, ReadWorkerData, ReadWorkerMessage } from "./read-worker.ts";

export type ReadPoolOptions = {
  /** The SQLite database file (WAL); in-memory databases cannot be shared with threads. */
  file: string;
  /** Threads reading at once. */
  size: number;
  /** How long one statement may run on its thread before it is cancelled. */
  budgetMs: number;
};

export type ReadResult = { rows: Record<string, unknown>[]; numAffectedRows?: bigint; insertId?: bigint };

type Running = {
  id: number;
  timer: NodeJS.Timeout;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
};

/** One thread and its connection. A slot is leased to one Kysely connection at a time. */
export type ReadSlot = {
  worker: Worker;
  ready: boolean;
  /** Settles once the thread has loaded (ready or not) or exited: it is only stopped after that. */
  loaded: Promise<void>;
  leased: boolean;
  cancelled: boolean;
  running?: Running;
};

type Waiter = { resolve: (slot: ReadSlot) => void; reject: (error: Error) => void };

const workerUrl = new URL("./read-worker.ts", import.meta.url);

/** The error a person sees when a read is stopped; routes may say it more precisely (search does). */
export function queryTimeout(budgetMs: number): AppError {
  const seconds = Math.max(1, Math.round(budgetMs / 1000));
  return new AppError(
    "query_timeout",
    seconds === 1
      ? "This took longer than 1 second and was stopped, so it would not hold up everyone else. Narrow it down (more words in a search, or a filter) and try again."
      : `This took longer than ${seconds} seconds and was stopped, so it would not hold up everyone else. Narrow it down (more words in a search, or a filter) and try again.`,
  );
}

function closedError(): AppError {
  return new AppError("unavailable", "Switchboard is restarting. Please try again in a moment.");
}

/** Blobs come back from a thread as Uint8Array; the rest of the code expects Buffers, as the main connection gives. */
function withBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return rows;
}

export class ReadWorkerPool {
  readonly options: ReadPoolOptions;
  private readonly slots: ReadSlot[] = [];
  private readonly waiting: Waiter[] = [];
  /** Terminated threads whose statement has not yet returned (see the module comment). */
  private readonly draining = new Set<Worker>();
  /** Every thread that has not exited yet, whatever its state. */
  private readonly alive = new Set<Worker>();
  private nextId = 1;
  private closed = false;

  constructor(options: ReadPoolOptions) {
    this.options = options;
  }

  /**
   * Threads now: live (reading or idle), draining (cancelled, still finishing), threads (all not yet exited),
   * and leases waited for.
   */
  stats(): { live: number; draining: number; threads: number; waiting: number } {
    return {
      live: this.slots.length,
      draining: this.draining.size,
      threads: this.alive.size,
      waiting: this.waiting.length,
    };
  }

  /** A thread of one's own until `release`; waits while all are leased. Threads start on first need. */
  acquire(): Promise<ReadSlot> {
    if (this.closed) return Promise.reject(closedError());
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.dispatch();
    });
  }

  release(slot: ReadSlot): void {
    slot.leased = false;
    if (slot.cancelled) return;
    slot.worker.unref();
    this.dispatch();
  }

  /** Runs one statement on a leased thread, within the budget. */
  execute(slot: ReadSlot, sql: string, parameters: readonly unknown[]): Promise<ReadResult> {
    // The thread was cancelled under this connection (an earlier statement of its transaction ran over).
    if (slot.cancelled || this.closed) return Promise.reject(queryTimeout(this.options.budgetMs));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.cancel(slot), this.options.budgetMs);
      slot.running = { id, timer, resolve, reject };
      slot.worker.ref();
      const task: ReadTask = { id, sql, parameters };
      slot.worker.postMessage(task);
    });
  }

  /** Starts every thread now (the server does, at start), so the first reads do not wait for one to load. */
  warm(): void {
    while (!this.closed && this.slots.length < this.options.size && this.draining.size < this.options.size) {
      this.start();
    }
  }

  /** Stops every thread; waiting and running reads are answered "restarting". */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    const stopping = this.slots.splice(0).map((slot) => {
      slot.cancelled = true;
      if (slot.running) {
        clearTimeout(slot.running.timer);
        slot.running.reject(closedError());
        slot.running = undefined;
      }
      // Stopped only once loaded: a thread stopped while it loads the SQLite driver can abort the whole process.
      return slot.loaded.then(() => slot.worker.terminate());
    });
    // A draining thread ends when its statement does; it must not hold the process open meanwhile.
    for (const worker of this.draining) worker.unref();
    await Promise.all(stopping);
  }

  /**
   * Hands idle threads to waiting leases, and starts threads (up to the pool size, and while fewer than
   * `size` are draining) for the leases left over.
   */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.leased && !s.cancelled);
      if (!slot) break;
      slot.leased = true;
      (this.waiting.shift() as Waiter).resolve(slot);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    let unserved = this.waiting.length - starting;
    while (
      !this.closed &&
      unserved > 0 &&
      this.slots.length < this.options.size &&
      this.draining.size < this.options.size
    ) {
      this.start();
      unserved--;
    }
  }

  private start(): void {
    const data: ReadWorkerData = { file: this.options.file };
    const worker = new Worker(workerUrl, { workerData: data });
    let loaded = () => {};
    const slot: ReadSlot = {
      worker,
      ready: false,
      loaded: new Promise((resolve) => {
        loaded = resolve;
      }),
      leased: false,
      cancelled: false,
    };
    this.alive.add(worker);
    worker.once("error", () => loaded());
    worker.once("exit", () => loaded());
    worker.on("message", (message: ReadWorkerMessage) => {
      if ("ready" in message) {
        loaded();
        if (message.ready) {
          slot.ready = true;
          worker.unref();
          this.dispatch();
        } else this.failed(slot, new Error(`The read pool cannot open the database: ${message.error}`));
      } else this.finished(slot, message);
    });
    worker.on("error", (error) => this.failed(slot, error));
    worker.on("exit", () => {
      this.alive.delete(worker);
      this.failed(slot, new Error("A read thread stopped unexpectedly."));
    });
    this.slots.push(slot);
  }

  private finished(slot: ReadSlot, result: ReadTaskResult): void {
    const running = slot.running;
    if (!running || running.id !== result.id) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    if (!slot.leased) slot.worker.unref();
    if ("error" in result) {
      running.reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
    } else if ("rows" in result) {
      running.resolve({ rows: withBuffers(result.rows) });
    } else {
      running.resolve({ rows: [], numAffectedRows: BigInt(result.changes), insertId: BigInt(result.lastInsertRowid) });
    }
  }

  /** The statement ran out of budget: answer now, let the thread drain, and start another in its place. */
  private cancel(slot: ReadSlot): void {
    const running = slot.running;
    slot.running = undefined;
    slot.cancelled = true;
    this.remove(slot);
    this.draining.add(slot.worker);
    const drained = () => {
      this.draining.delete(slot.worker);
      this.dispatch();
    };
    slot.worker.terminate().then(drained, drained);
    running?.reject(queryTimeout(this.options.budgetMs));
    // The replacement starts now, not when the next read asks: loading a thread takes a moment.
    this.warm();
    this.dispatch();
  }

  private failed(slot: ReadSlot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot);
    slot.cancelled = true;
    if (slot.running) {
      clearTimeout(slot.running.timer);
      slot.running.reject(error);
      slot.running = undefined;
    } else if (!slot.ready) {
      // A thread that cannot even open the database would be restarted for ever: the oldest lease gets the error.
      this.waiting.shift()?.reject(error);
    }
    this.dispatch();
  }

  private remove(slot: ReadSlot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }
}
