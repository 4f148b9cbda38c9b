/**
 * PostgreSQL ending the app's connections while it works (a restart, a failover, an admin's pg_terminate_backend).
 * PostgreSQL only: a SQLite database is a file in the process, with no connection to lose.
 */

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { buildApp } from "../http/app.ts";
import { enqueueJob } from "../jobs/queue.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { createScratchDatabase } from "../test/engines.ts";
import {
  buildCustomer,
  buildSubmission,
  buildTestApp,
  countRows,
  multipartForm,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { blankServerData, startServer, stopServer } from "../test/server-process.ts";
import { openPostgres, sourceOf } from "./database.ts";

/**
 * Holds `lock` on a table from another connection until a statement of the app waits for it, then ends every
 * other connection to the database, as a PostgreSQL restart does, and lets go. Resolves once that is done.
 */
async function dropConnectionsWhileWaiting(url: string, lock: string): Promise<{ done: Promise<void> }> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  await holder.query("begin");
  await holder.query(lock);
  const holderPid = (await holder.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]?.pid;
  const done = (async () => {
    // Another connection looks: inside the holder's transaction pg_stat_activity would stay as first read.
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    try {
      await expect
        .poll(
          async () => {
            const waiting = await watcher.query(
              "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            );
            return waiting.rows[0]?.n;
          },
          { message: "a statement of the app waiting on the lock", interval: 10, timeout: 15_000 },
        )
        .toBeGreaterThan(0);
      await watcher.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and pid <> $1`,
        [holderPid],
      );
    } finally {
      await watcher.end();
      await holder.query("commit");
      await holder.end();
    }
  })();
  return { done };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe.skipIf(!inject("postgresAvailable"))("PostgreSQL ending the app's connections [postgres]", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataDir = "";
  beforeAll(async () => {
    scratch = await createScratchDatabase("postgres");
    dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-connection-loss-"));
  });
  afterAll(async () => {
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = () => {
    const source = sourceOf(scratch.db);
    if (source?.engine !== "postgres") throw new Error("not a PostgreSQL database");
    return source.connectionString;
  };

  // Before, the dead connection's 'error' had no listener while the comment's transaction held it: the process
  // crashed, and had it not, the request answered 500 "Something went wrong".
  it("answers a comment cut off mid-transaction with 503, keeps none of its files, and takes the next one", async () => {
    const db = scratch.db;
    const app = await buildTestApp(db, "postgres", testConfig({ dataDir }));
    const customer = await signInAs(app, await buildCustomer(db));
    const headers = { cookie: customer.cookie, "x-csrf-token": customer.csrfToken };
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers,
      payload: await buildSubmission(db),
    });
    const { number } = created.json() as { number: number };
    const eventsBefore = await countRows(db, "ticket_events");
    const comment = (body: string) => {
      const form = multipartForm("comment", { body, kind: "public", format: "text" }, [
        { name: "first.txt", content: "one" },
        { name: "second.txt", content: "two" },
      ]);
      return app.inject({
        method: "POST",
        url: `/api/v1/tickets/${number}/comments/with-attachments`,
        headers: { ...headers, ...form.headers },
        payload: form.payload,
      });
    };

    // The attachment rows wait, after the first file was moved into storage: the connection goes there.
    const fault = await dropConnectionsWhileWaiting(url(), "lock table attachments in exclusive mode");
    const cutOff = await comment("Here are the files");
    await fault.done;
    expect(cutOff.statusCode).toBe(503);
    expect(cutOff.json()).toEqual({
      error: { code: "unavailable", message: "The help desk cannot save anything right now. Please try again later." },
    });
    expect(await countRows(db, "ticket_events")).toBe(eventsBefore);
    expect(filesUnder(path.join(dataDir, "attachments"))).toEqual([]);
    expect(filesUnder(path.join(dataDir, "tmp"))).toEqual([]);

    // The pool let the dead connection go and opens a new one: the same comment, sent again, is saved.
    const again = await comment("Here are the files");
    expect(again.statusCode).toBe(201);
    expect(filesUnder(path.join(dataDir, "attachments"))).toHaveLength(2);
    await app.close();
  });
});

// No PostgreSQL needed: a port that takes connections and never says a word, as a stopped (SIGSTOP) or hung
// server, or one behind a network that drops its answers, does.
describe("a PostgreSQL server that never answers", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  // Before, pg waited for the connection forever: every request hung.
  it("answers requests with 503 once connecting has taken too long, instead of hanging them", async () => {
    const { port } = silent.address() as AddressInfo;
    const databaseUrl = `postgres://switchboard@127.0.0.1:${port}/switchboard`;
    const { db } = openPostgres(databaseUrl, 2, 300);
    const app = await buildApp({ db, engine: "postgres", config: testConfig({ databaseUrl }) });
    try {
      const signIn = await app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "someone@example.com", password: "correct horse battery staple" },
      });
      expect(signIn.statusCode).toBe(503);
      expect(signIn.json().error.code).toBe("unavailable");
      const ready = await app.inject("/readyz");
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database).toMatch(
        /^The connection to PostgreSQL at 127\.0\.0\.1:\d+ was lost \(no answer in time\)/,
      );
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe.skipIf(!inject("postgresAvailable"))("the job runner when PostgreSQL ends its connections [postgres]", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase("postgres");
  });
  afterAll(async () => {
    await scratch.drop();
  });

  it("loses neither a job whose claim nor one whose work was cut off, and runs each once", async () => {
    const db = scratch.db;
    const source = sourceOf(db);
    const url = source?.engine === "postgres" ? source.connectionString : "";
    const enqueue = (kind: "sla.check" | "reports.cube") =>
      db.transaction().execute((trx) => enqueueJob(trx, kind, {}, { at: new Date().toISOString() }));
    const runs = { "sla.check": 0, "reports.cube": 0 };
    let offsetMs = 0;
    const runner = createJobRunner({
      db,
      engine: "postgres",
      pollMs: 20,
      // Moved on past the retry's backoff once the faults are over.
      clock: () => new Date(Date.now() + offsetMs),
      handlers: {
        "sla.check": async () => {
          runs["sla.check"] += 1;
        },
        // Work in a transaction of its own, as the real handlers do.
        "reports.cube": async () => {
          runs["reports.cube"] += 1;
          await db.transaction().execute((trx) => trx.selectFrom("report_periods").select("period").execute());
        },
      },
    });
    // The claim waits on the jobs table; then the cube job's work waits on report_periods.
    const claimed = await enqueue("sla.check");
    const claimCut = await dropConnectionsWhileWaiting(url, "lock table jobs in exclusive mode");
    runner.start();
    await claimCut.done;
    const workCut = await dropConnectionsWhileWaiting(url, "lock table report_periods in access exclusive mode");
    const cube = await enqueue("reports.cube");
    await workCut.done;
    offsetMs = 60 * 60_000;
    try {
      await vi.waitFor(
        async () => {
          const statuses = await db
            .selectFrom("jobs")
            .select(["id", "status"])
            .where("id", "in", [claimed, cube])
            .execute();
          expect(statuses.map((j) => j.status)).toEqual(["done", "done"]);
        },
        { timeout: 15_000, interval: 50 },
      );
    } finally {
      await runner.stop();
    }
    // The cut-off claim was rolled back whole: the job was claimed again and ran once.
    expect(runs["sla.check"]).toBe(1);
    // The cut-off run failed and was retried once, with the reason kept meanwhile.
    expect(runs["reports.cube"]).toBe(2);
  });
});

describe.skipIf(!inject("postgresAvailable"))("the server process when PostgreSQL restarts [postgres]", () => {
  // The real server starts on a blank database it migrates first.
  vi.setConfig({ testTimeout: 120_000 });
  const blank = blankServerData("postgres", "switchboard-postgres-restart-");

  it("keeps running through a restart in the middle of a request, and serves the next one", async () => {
    const { child, url: baseUrl } = await startServer({ ...blank.env(), DEMO_DATA: "false" });
    try {
      const databaseUrl = blank.databaseUrl() ?? "";
      const reader = new pg.Client({ connectionString: databaseUrl });
      await reader.connect();
      const category = await reader.query<{ id: string }>("select id from categories limit 1");
      await reader.end();
      const submit = () =>
        fetch(`${baseUrl}/api/v1/tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            subject: "The printer is offline",
            message: "It says offline since this morning.",
            name: "Robin Guest",
            email: "robin.guest@example.com",
            categoryId: category.rows[0]?.id,
            priority: "medium",
            messageFormat: "text",
            fields: {},
          }),
        });

      const fault = await dropConnectionsWhileWaiting(databaseUrl, "lock table tickets in exclusive mode");
      const cutOff = await submit();
      await fault.done;
      expect(cutOff.status).toBe(503);
      expect(child.exitCode).toBeNull();
      expect((await submit()).status).toBe(201);
    } finally {
      await stopServer(child);
    }
  });
});
