import { expect, it } from "vitest";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
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
});
