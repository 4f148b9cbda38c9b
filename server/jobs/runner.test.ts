import { expect, it } from "vitest";
import { anonymous } from "../core/actor.ts";
import { openPostgres } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { jobHandlers } from "./handlers.ts";
import { enqueueJob } from "./queue.ts";
import { createJobRunner, type JobHandler, retryDelayMs } from "./runner.ts";

describeEachEngine("the job runner", ({ db, engine }) => {
  const runnerWith = (handler: JobHandler, clock?: () => Date, leaseMs?: number) =>
    createJobRunner({
      db: db(),
      engine,
      handlers: { "mail.send": handler },
      ...(clock ? { clock } : {}),
      ...(leaseMs ? { leaseMs } : {}),
    });
  const enqueue = (payload: Record<string, unknown>, maxAttempts?: number) =>
    db()
      .transaction()
      .execute((trx) =>
        enqueueJob(trx, "mail.send", payload, {
          at: new Date().toISOString(),
          ...(maxAttempts ? { maxAttempts } : {}),
        }),
      );
  const job = (id: string) => db().selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("runs a job enqueued in a committed transaction, once", async () => {
    const seen: unknown[] = [];
    const id = await enqueue({ mailId: "a" });
    const runner = runnerWith(async (payload) => {
      seen.push(payload);
    });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ mailId: "a" }]);
    expect(await job(id)).toMatchObject({ status: "done", attempts: 1, last_error: null });
  });

  it("never sees a job whose transaction rolled back", async () => {
    const marker = newId();
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await enqueueJob(trx, "mail.send", { marker }, { at: new Date().toISOString() });
          throw new Error("the change failed");
        }),
    ).rejects.toThrow("the change failed");
    const jobs = await db().selectFrom("jobs").select("payload").execute();
    expect(jobs.map((j) => JSON.stringify(j.payload))).not.toContain(expect.stringContaining(marker));
  });

  it("retries a failing job with backoff and parks it after its last attempt, keeping the error", async () => {
    let now = new Date("2026-01-05T09:00:00.000Z");
    const clock = () => now;
    const id = await db()
      .transaction()
      .execute((trx) => enqueueJob(trx, "mail.send", {}, { at: now.toISOString(), maxAttempts: 3 }));
    let calls = 0;
    const runner = runnerWith(async () => {
      calls += 1;
      throw new Error(`SMTP said no (${calls})`);
    }, clock);

    await runner.runDue();
    expect(await job(id)).toMatchObject({ status: "pending", attempts: 1, last_error: "SMTP said no (1)" });
    expect((await job(id)).run_at).toBe(new Date(now.getTime() + retryDelayMs(1)).toISOString());
    expect(await runner.runDue()).toBe(0); // not due yet

    now = new Date(now.getTime() + retryDelayMs(1));
    await runner.runDue();
    now = new Date(now.getTime() + retryDelayMs(2));
    await runner.runDue();
    expect(calls).toBe(3);
    expect(await job(id)).toMatchObject({ status: "failed", attempts: 3, last_error: "SMTP said no (3)" });
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(await runner.runDue()).toBe(0);
  });

  it("runs a job again when the runner that claimed it died before finishing", async () => {
    let now = new Date();
    const clock = () => now;
    const id = await enqueue({ mailId: "crash" });
    // A runner claimed it and then the process died: the job stays "running" with a lease.
    await db()
      .updateTable("jobs")
      .set({ status: "running", attempts: 1, locked_until: new Date(now.getTime() + 60_000).toISOString() })
      .where("id", "=", id)
      .execute();
    let runs = 0;
    const runner = runnerWith(async () => {
      runs += 1;
    }, clock);
    expect(await runner.runDue()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect(await runner.runDue()).toBe(1);
    expect(runs).toBe(1);
    expect(await job(id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("gives each job to one runner when several run at once", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueue({ n: i })));
    const runs = new Map<string, number>();
    const handler: JobHandler = async (payload) => {
      const key = JSON.stringify(payload);
      runs.set(key, (runs.get(key) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const runners = [runnerWith(handler), runnerWith(handler), runnerWith(handler)];
    await Promise.all(runners.map((r) => r.runDue()));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(12);
    for (const id of ids) expect((await job(id)).status).toBe("done");
  });

  it("parks a job of a kind nobody handles instead of losing it", async () => {
    const id = await enqueue({});
    await db().updateTable("jobs").set({ kind: "unknown.kind", max_attempts: 1 }).where("id", "=", id).execute();
    await runnerWith(async () => {}).runDue();
    expect(await job(id)).toMatchObject({
      status: "failed",
      last_error: 'No handler for jobs of kind "unknown.kind".',
    });
  });

  const batchRunner = (handler: JobHandler, claimBatch: number, concurrency: number, on = db()) =>
    createJobRunner({
      db: on,
      engine,
      handlers: { "mail.send": handler },
      claimBatch,
      concurrency: { "mail.send": concurrency },
    });
  const payloadNumber = (payload: unknown) => (payload as { n: number }).n;

  it("claims due jobs a batch at a time, each batch under one claim", async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, (_, n) => enqueue({ n })));
    const claims = new Map<string, number>();
    await batchRunner(
      async (payload) => {
        const row = await db()
          .selectFrom("jobs")
          .select("locked_by")
          .where("id", "=", ids[payloadNumber(payload)] ?? "")
          .executeTakeFirstOrThrow();
        claims.set(String(row.locked_by), (claims.get(String(row.locked_by)) ?? 0) + 1);
      },
      4,
      2,
    ).runDue();
    expect([...claims.values()].sort()).toEqual([2, 4, 4]);
    for (const id of ids) expect(await job(id)).toMatchObject({ status: "done", attempts: 1, locked_by: null });
  });

  it("never runs more jobs of a kind at once than its concurrency, and does use it", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, n) => enqueue({ n })));
    let running = 0;
    let most = 0;
    const ran = await batchRunner(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      },
      8,
      3,
    ).runDue();
    expect(ran).toBe(12);
    expect(most).toBe(3);
  });

  it("lets one failing job fail alone: the rest of its batch is delivered", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, n) => enqueue({ n })));
    await batchRunner(
      async (payload) => {
        if (payloadNumber(payload) === 2) throw new Error("Mailbox full");
      },
      6,
      3,
    ).runDue();
    for (const [n, id] of ids.entries()) {
      if (n === 2) expect(await job(id)).toMatchObject({ status: "pending", attempts: 1, last_error: "Mailbox full" });
      else expect(await job(id)).toMatchObject({ status: "done", attempts: 1 });
    }
  });

  it("hands claimed jobs it has not started back to the queue when it stops", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, (_, n) => enqueue({ n })));
    let stopped: Promise<void> | undefined;
    const runner = batchRunner(
      async () => {
        stopped ??= runner.stop();
      },
      5,
      1,
    );
    runner.start();
    await new Promise<void>((resolve) => {
      const check = () => (stopped ? resolve() : setImmediate(check));
      check();
    });
    await stopped;
    const states = await Promise.all(ids.map(job));
    expect(states.filter((s) => s.status === "done")).toHaveLength(1);
    for (const state of states.filter((s) => s.status !== "done")) {
      expect(state).toMatchObject({ status: "pending", attempts: 0, locked_by: null });
    }
  });

  // Before, a stop (SIGTERM, a restart) waited for a running sweep to finish: up to 500 tickets closed or alerted
  // one transaction each, past the shutdown deadline, until the process was killed with it half done.
  it("stops a running sweep between two tickets when it stops, and the next start goes on from there", async () => {
    await db().deleteFrom("jobs").execute();
    const config = testConfig();
    const solved = await db()
      .selectFrom("statuses")
      .select("id")
      .where("category", "=", "solved")
      .executeTakeFirstOrThrow();
    const numbers: number[] = [];
    for (let i = 0; i < 12; i++) {
      const submission = await buildSubmission(db(), { subject: `Closes by itself ${i}` });
      numbers.push((await submitTicket({ db: db(), config }, anonymous, submission)).number);
    }
    await db()
      .updateTable("tickets")
      .set({ status_id: solved.id, solved_at: "2026-01-01T09:00:00.000Z", auto_close_at: "2026-01-05T09:00:00.000Z" })
      .where("number", "in", numbers)
      .execute();
    const stillSolved = async () =>
      (
        await db()
          .selectFrom("tickets")
          .innerJoin("statuses", "statuses.id", "tickets.status_id")
          .select("tickets.number")
          .where("tickets.number", "in", numbers)
          .where("statuses.category", "=", "solved")
          .execute()
      ).length;
    const id = await db()
      .transaction()
      .execute((trx) => enqueueJob(trx, "tickets.auto_close", { slot: "now" }, { at: new Date().toISOString() }));

    // The shutdown comes as the sweep starts: it reads the time first.
    let stopped: Promise<void> | undefined;
    const stopAsItStarts = () => {
      stopped ??= runner.stop();
      return new Date();
    };
    const sweep = (clock: () => Date) =>
      jobHandlers({ db: db(), engine, config }, devMailboxTransport(), clock)["tickets.auto_close"];
    const runner = createJobRunner({ db: db(), engine, handlers: { "tickets.auto_close": sweep(stopAsItStarts) } });
    runner.start();
    await new Promise<void>((resolve) => {
      const check = () => (stopped ? resolve() : setImmediate(check));
      check();
    });
    await stopped;
    expect(await stillSolved()).toBe(12);
    // Back in the queue, the try not counted.
    expect(await job(id)).toMatchObject({ status: "pending", attempts: 0, locked_by: null });

    const next = createJobRunner({ db: db(), engine, handlers: { "tickets.auto_close": sweep(() => new Date()) } });
    await next.runDue();
    expect(await stillSolved()).toBe(0);
    expect(await job(id)).toMatchObject({ status: "done" });
  });

  it.skipIf(engine !== "postgres")(
    "delivers each job once when two instances with their own connections drain one queue in batches",
    async () => {
      const { name } = await db()
        .selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name"))
        .executeTakeFirstOrThrow();
      const address = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
      address.pathname = `/${name}`;
      const other = openPostgres(address.toString(), 4);
      try {
        // Only this test's jobs: earlier tests leave some behind (a stopped runner's, a failed one's retry).
        await db().deleteFrom("jobs").execute();
        await db()
          .insertInto("jobs")
          .values(
            Array.from({ length: 300 }, (_, n) => ({
              id: newId(),
              kind: "mail.send",
              payload: JSON.stringify({ n }),
              status: "pending" as const,
              attempts: 0,
              max_attempts: 3,
              run_at: new Date().toISOString(),
              created_at: new Date().toISOString(),
            })),
          )
          .execute();
        const runs = new Map<number, number>();
        const handler: JobHandler = async (payload) => {
          runs.set(payloadNumber(payload), (runs.get(payloadNumber(payload)) ?? 0) + 1);
          await new Promise((resolve) => setImmediate(resolve));
        };
        const [mine, theirs] = await Promise.all([
          batchRunner(handler, 8, 4).runDue(),
          batchRunner(handler, 8, 4, other.db).runDue(),
        ]);
        expect(mine + theirs).toBe(300);
        expect(mine).toBeGreaterThan(0);
        expect(theirs).toBeGreaterThan(0);
        expect(runs.size).toBe(300);
        expect([...runs.values()].every((count) => count === 1)).toBe(true);
      } finally {
        await other.db.destroy();
      }
    },
  );

  // Before, the timeout only stopped the runner waiting: the handler ran on beside the job's retry.
  it("asks a job past its timeout to stop before retrying it, and leaves behind one that ignores the request", async () => {
    await db().deleteFrom("jobs").execute();
    const stopsWhenAsked = await enqueue({ obeys: true });
    const ignoresIt = await enqueue({ obeys: false });
    const stopped: string[] = [];
    const runner = createJobRunner({
      db: db(),
      engine,
      jobTimeoutMs: 100,
      stopGraceMs: 100,
      concurrency: { "mail.send": 2 },
      handlers: {
        "mail.send": (payload, signal) =>
          new Promise<void>((_, reject) => {
            if (!(payload as { obeys: boolean }).obeys) return;
            signal.addEventListener("abort", () => {
              stopped.push("stopped");
              reject(signal.reason);
            });
          }),
      },
    });
    // Resolves: the lane is not held by the handler that never stops.
    expect(await runner.runDue()).toBe(2);
    expect(stopped).toEqual(["stopped"]);
    expect(await job(stopsWhenAsked)).toMatchObject({
      status: "pending",
      last_error: "The job did not finish within 0.1 s.",
    });
    expect(await job(ignoresIt)).toMatchObject({
      status: "pending",
      last_error: "The job did not finish within 0.1 s, and had not stopped 0.1 s after being asked to.",
    });
  });

  // Before, these showed under Background jobs as "undefined", "[object Object]" and an empty error.
  it("keeps a readable reason for a job that fails with something other than an error", async () => {
    await db().deleteFrom("jobs").execute();
    const thrown: Record<string, unknown> = {
      undefined: undefined,
      object: { reason: "quota exceeded" },
      aggregate: new AggregateError([
        Object.assign(new Error("connect ECONNREFUSED ::1:25"), { code: "ECONNREFUSED" }),
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNREFUSED" }),
      ]),
    };
    const ids = Object.fromEntries(
      await Promise.all(Object.keys(thrown).map(async (name) => [name, await enqueue({ name })] as const)),
    );
    await runnerWith(async (payload) => {
      throw thrown[(payload as { name: string }).name];
    }).runDue();
    expect((await job(ids.undefined ?? "")).last_error).toBe("The job failed with undefined instead of an error.");
    expect((await job(ids.object ?? "")).last_error).toBe(
      'The job failed with {"reason":"quota exceeded"} instead of an error.',
    );
    expect((await job(ids.aggregate ?? "")).last_error).toBe(
      "connect ECONNREFUSED ::1:25; connect ECONNREFUSED 127.0.0.1:25",
    );
  });

  // Before, such a job was tried 20 times over ten hours, then parked with the schema's complaints as JSON.
  it("parks at once a job whose data no longer fits its handler, saying why", async () => {
    await db().deleteFrom("jobs").execute();
    // As a job enqueued by an older version might look after an upgrade renamed its field.
    const id = await enqueue({ messageId: "0193-old-shape" });
    const handlers = jobHandlers(
      { db: db(), engine, config: testConfig({ devMailbox: "admins" }) },
      devMailboxTransport(),
    );
    await createJobRunner({ db: db(), engine, handlers: { "mail.send": handlers["mail.send"] } }).runDue();
    const parked = await job(id);
    expect(parked).toMatchObject({ status: "failed", attempts: 1 });
    expect(parked.last_error).toMatch(
      /^The job's data is not what this version of Switchboard expects \(.*mailId.*\), so it is not tried again\.$/,
    );
  });
});
