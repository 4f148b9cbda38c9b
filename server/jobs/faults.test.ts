import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { anonymous } from "../core/actor.ts";
import { sendMailHandler } from "../mail/send-mail.ts";
import { smtpTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildAgent, buildSubmission, buildTestApp, signInAs, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { enqueueJob, type JobKind } from "./queue.ts";
import { createJobRunner, retryDelayMs } from "./runner.ts";

/** An SMTP server that accepts connections and never says a word, as a hung mail relay does. */
async function startStalledSmtp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describeEachEngine("jobs under faults", ({ db, engine }) => {
  let stalled: Awaited<ReturnType<typeof startStalledSmtp>>;
  beforeAll(async () => {
    stalled = await startStalledSmtp();
  });
  afterAll(async () => {
    await stalled.stop();
  });

  const enqueue = (kind: JobKind, payload: Record<string, unknown> = {}, at = new Date()) =>
    db()
      .transaction()
      .execute((trx) => enqueueJob(trx, kind, payload, { at: at.toISOString() }));
  const job = (id: string) => db().selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const clearQueue = () => db().deleteFrom("jobs").execute();

  it("keeps other kinds of jobs running while mail is stuck on a stalled SMTP server, and times the mail out", async () => {
    await clearQueue();
    const config = testConfig({ smtpUrl: stalled.url, devMailbox: "off" });
    await submitTicket({ db: db(), config }, anonymous, await buildSubmission(db()));
    const mailJobs = () => db().selectFrom("jobs").selectAll().where("kind", "=", "mail.send").execute();
    expect((await mailJobs()).length).toBeGreaterThan(0);
    // The SLA check is queued after the mail: a runner doing one job at a time would wait for the mail first.
    // Due now, not a millisecond later: a claim within that millisecond left it for a later batch, after the mail.
    const slaId = await enqueue("sla.check", {}, new Date());
    let mailWhileSlaRan: string[] = [];
    const transport = smtpTransport(stalled.url, { connectionMs: 500, greetingMs: 500, socketMs: 500 });
    const runner = createJobRunner({
      db: db(),
      engine,
      handlers: {
        "mail.send": sendMailHandler(db(), transport, config.mailFrom),
        "sla.check": async () => {
          // The lanes claim side by side, so the mail's claim may land a moment after this job starts: wait for
          // it. A runner doing one job at a time never gets here while the mail is running, and this gives up.
          await vi
            .waitFor(
              async () => {
                mailWhileSlaRan = (await mailJobs()).map((j) => j.status);
                expect(mailWhileSlaRan).toContain("running");
              },
              { timeout: 2000, interval: 10 },
            )
            .catch(() => {});
        },
      },
    });
    await runner.runDue();
    transport.close();
    expect(mailWhileSlaRan).toContain("running");
    expect(await job(slaId)).toMatchObject({ status: "done" });
    for (const mail of await mailJobs()) {
      // Given up cleanly: back in the queue for a later attempt, with the reason, holding no lease.
      expect(mail).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
      expect(mail.last_error).toMatch(/greeting|timeout/i);
    }
  });

  it("renews the lease of a job that is still running, so no other runner takes it over", async () => {
    await clearQueue();
    const id = await enqueue("sla.check");
    let runs = 0;
    const other = createJobRunner({ db: db(), engine, handlers: { "sla.check": async () => {} }, leaseMs: 300 });
    let takenByOther = -1;
    const runner = createJobRunner({
      db: db(),
      engine,
      leaseMs: 300,
      heartbeatMs: 50,
      handlers: {
        "sla.check": async () => {
          runs += 1;
          const firstLease = Date.parse((await job(id)).locked_until ?? "");
          // Wait until the first lease has run out in real time and the heartbeat has moved it on.
          await vi.waitFor(
            async () => {
              expect(Date.now()).toBeGreaterThan(firstLease);
              expect(Date.parse((await job(id)).locked_until ?? "")).toBeGreaterThan(Date.now());
            },
            { timeout: 10_000, interval: 20 },
          );
          takenByOther = await other.runDue();
        },
      },
    });
    await runner.runDue();
    expect(takenByOther).toBe(0);
    expect(runs).toBe(1);
    expect(await job(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("holds a job only for a short lease, so a crashed instance's work moves on within seconds", async () => {
    await clearQueue();
    const id = await enqueue("sla.check");
    let leaseLeft = Number.POSITIVE_INFINITY;
    await createJobRunner({
      db: db(),
      engine,
      handlers: {
        "sla.check": async () => {
          leaseLeft = Date.parse((await job(id)).locked_until ?? "") - Date.now();
        },
      },
    }).runDue();
    expect(leaseLeft).toBeLessThanOrEqual(30_000);
  });

  it("keeps retrying for hours, an hour apart at most, before parking a job", async () => {
    await clearQueue();
    const start = new Date("2026-03-02T08:00:00.000Z");
    let now = start;
    const id = await enqueue("mail.send", {}, now);
    const runner = createJobRunner({
      db: db(),
      engine,
      clock: () => now,
      handlers: {
        "mail.send": async () => {
          throw new Error("SMTP server unreachable");
        },
      },
    });
    let attempts = 0;
    for (;;) {
      await runner.runDue();
      attempts += 1;
      const row = await job(id);
      if (row.status === "failed") break;
      expect(Date.parse(row.run_at) - now.getTime()).toBeLessThanOrEqual(60 * 60 * 1000);
      now = new Date(row.run_at);
    }
    const hoursOfTrying = (now.getTime() - start.getTime()) / 3_600_000;
    expect(hoursOfTrying).toBeGreaterThanOrEqual(8);
    expect(attempts).toBe((await job(id)).max_attempts);
    expect(retryDelayMs(50)).toBe(60 * 60 * 1000);
  });

  it("lets an admin run every failed job of a kind again at once, and shows the backlog's age", async () => {
    await clearQueue();
    const app = await buildTestApp(db(), engine);
    const admin = await signInAs(app, await buildAdmin(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const failed = await Promise.all([
      enqueue("mail.send"),
      enqueue("mail.send"),
      enqueue("mail.send"),
      enqueue("sla.check"),
    ]);
    await db()
      .updateTable("jobs")
      .set({ status: "failed", attempts: 20, last_error: "SMTP down" })
      .where("id", "in", failed)
      .execute();
    // A mail waiting for two minutes: the backlog shows its age.
    await enqueue("mail.send", {}, new Date(Date.now() - 120_000));

    const post = (client: typeof admin) =>
      app.inject({
        method: "POST",
        url: "/api/v1/admin/jobs/rerun-failed",
        headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
        payload: { kind: "mail.send" },
      });
    expect((await post(agent)).statusCode).toBe(403);
    const rerun = await post(admin);
    expect(rerun.statusCode).toBe(200);
    expect(rerun.json()).toEqual({ count: 3 });
    const statuses = await db().selectFrom("jobs").select(["id", "kind", "status", "attempts"]).execute();
    expect(statuses.filter((j) => j.kind === "mail.send" && j.status === "pending")).toHaveLength(4);
    expect(statuses.find((j) => j.kind === "sla.check")).toMatchObject({ status: "failed" });

    const ready = (await app.inject("/readyz")).json();
    expect(ready.jobs.failed).toBe(1);
    expect(ready.jobs.oldestPendingSeconds).toBeGreaterThanOrEqual(120);
    const overview = await app.inject({ url: "/api/v1/admin/jobs", headers: { cookie: admin.cookie } });
    expect(overview.json().oldestPendingSeconds).toBeGreaterThanOrEqual(120);
  });
});
