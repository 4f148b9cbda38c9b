/**
 * Can one slow read hold up everyone else? A trivial request (GET /api/v1/session: the session lookup and a
 * small answer) is sent on a fixed schedule while other clients run worst-case reads back to back (a no-match
 * and a match-everything search, the sidebar counts, a list sorted by priority), once with the read pool off
 * (READ_POOL_SIZE=0: every read on the main connection, the event loop's) and once with it on, side by side
 * in one run, plus the trivial request alone as the floor. The server is a child process on the seeded
 * database (bench:seed); latency counts from each request's scheduled time, so a stalled server cannot hide
 * its stall by delaying the next send.
 *
 *   npm run bench:seed -- --tickets 100000 --comments 2
 *   npm run bench:blocking
 *   npm run bench:blocking -- --database-url postgres://postgres@127.0.0.1:5432/sb_bench
 */
import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pino from "pino";
import { createUser } from "../server/accounts/commands/create-user.ts";
import { readConfig } from "../server/config.ts";
import { buildApp } from "../server/http/app.ts";
import {
  fail,
  intOption,
  ms,
  openSeededDatabase,
  peakRssMb,
  percentile,
  seededDatabaseOptions,
  table,
} from "./common.ts";

const usage = `Usage: node bench/blocking.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --seconds N          length of each phase (default 20)
  --slow-clients N     clients running slow reads back to back (default 2)
  --interval N         milliseconds between trivial requests (default 50)
  --pool-size N        READ_POOL_SIZE of the "pool on" phase (default: the app's default)
  --budget N           READ_BUDGET_SECONDS in both phases (default: the app's default, 3)
`;

const benchUser = { email: "bench-blocking@switchboard.local", password: "bench-blocking-password" };

/** The worst reads an agent can cause with a few keystrokes, as seen in bench:search and bench:queues. */
const slowReads = [
  "/api/v1/search?q=zzqx",
  "/api/v1/search?q=p",
  "/api/v1/agent/queues",
  "/api/v1/agent/tickets?queue=all&sort=priority&direction=desc",
];

const { values } = parseArgs({
  options: {
    ...seededDatabaseOptions,
    seconds: { type: "string" },
    "slow-clients": { type: "string" },
    interval: { type: "string" },
    "pool-size": { type: "string" },
    budget: { type: "string" },
    serve: { type: "boolean", default: false },
  },
});

/** The child: the app on the seeded database, its port on stdout, until SIGTERM (which closes the pool). */
async function serve(): Promise<void> {
  const config = readConfig({ ...process.env, PORT: "0", RATE_LIMITING: "false", LOG_LEVEL: "silent" });
  const { db, engine } = await openSeededDatabase(values);
  const app = await buildApp({ db, engine, config }, pino({ level: "silent" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
  process.once("SIGTERM", () => {
    void app.close().then(async () => {
      const { closeReaderOf } = await import("../server/db/read-pool/reader.ts");
      await closeReaderOf(db);
      await db.destroy();
      process.exit(0);
    });
  });
}

type Server = { child: ChildProcess; base: string };

async function startServer(poolSize: string | undefined): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (poolSize === undefined) delete env.READ_POOL_SIZE;
  else env.READ_POOL_SIZE = poolSize;
  if (values.budget) env.READ_BUDGET_SECONDS = values.budget;
  const args = [import.meta.filename, "--serve", "--data-dir", values["data-dir"]];
  if (values["database-url"]) args.push("--database-url", values["database-url"]);
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const { port } = JSON.parse(line) as { port: number };
    return { child, base: `http://127.0.0.1:${port}` };
  }
  fail("The server did not start (see above).");
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

async function signIn(base: string): Promise<string> {
  const answer = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(benchUser),
  });
  if (!answer.ok) fail(`Signing in failed: ${answer.status} ${await answer.text()}`);
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("sb_session="));
  if (!cookie) fail("Signing in set no session cookie.");
  return cookie.split(";")[0] as string;
}

type Phase = { trivial: number[]; trivialFailed: number; slow: number[]; slowTimedOut: number; slowFailed: number };

async function runPhase(base: string, cookie: string, slowClients: number, seconds: number, interval: number) {
  const phase: Phase = { trivial: [], trivialFailed: 0, slow: [], slowTimedOut: 0, slowFailed: 0 };
  const headers = { cookie };
  const end = performance.now() + seconds * 1000;
  const slowLoops = Array.from({ length: slowClients }, async (_, client) => {
    for (let i = client; performance.now() < end; i++) {
      const started = performance.now();
      const answer = await fetch(`${base}${slowReads[i % slowReads.length]}`, { headers });
      await answer.arrayBuffer();
      if (answer.ok) phase.slow.push(performance.now() - started);
      else if (answer.status === 503) phase.slowTimedOut++;
      else phase.slowFailed++;
    }
  });
  // Let the slow reads get going before the first trivial request is scheduled.
  if (slowClients > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const trivial: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; start + i * interval < end; i++) {
    const scheduled = start + i * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, scheduled - performance.now())));
    trivial.push(
      fetch(`${base}/api/v1/session`, { headers }).then(async (answer) => {
        await answer.arrayBuffer();
        if (answer.ok) phase.trivial.push(performance.now() - scheduled);
        else phase.trivialFailed++;
      }),
    );
  }
  await Promise.all([...trivial, ...slowLoops]);
  return phase;
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const seconds = intOption("seconds", values.seconds, 20);
  const slowClients = intOption("slow-clients", values["slow-clients"], 2);
  const interval = intOption("interval", values.interval, 50);
  const poolSize =
    values["pool-size"] === undefined ? undefined : String(intOption("pool-size", values["pool-size"], 2));

  const { db, engine, location, total } = await openSeededDatabase(values);
  const existing = await db.selectFrom("users").select("id").where("email", "=", benchUser.email).executeTakeFirst();
  if (!existing) await createUser(db, { ...benchUser, name: "Blocking benchmark", licence: "admin" });
  await db.destroy();

  const loadBefore = loadavg();
  const phases: [label: string, pool: string | undefined, slow: number][] = [
    ["trivial alone (pool on)", poolSize, 0],
    ["with slow reads, pool off", "0", slowClients],
    ["with slow reads, pool on", poolSize, slowClients],
  ];
  const rows: string[][] = [
    [
      "phase",
      "trivial n",
      "p50 ms",
      "p99 ms",
      "max ms",
      "failed",
      "slow reads ok",
      "slow p50 ms",
      "503s",
      "peak RSS MB",
    ],
  ];
  for (const [label, pool, slow] of phases) {
    const server = await startServer(pool);
    try {
      const cookie = await signIn(server.base);
      const phase = await runPhase(server.base, cookie, slow, seconds, interval);
      const sorted = [...phase.trivial].sort((a, b) => a - b);
      const slowSorted = [...phase.slow].sort((a, b) => a - b);
      rows.push([
        label,
        String(sorted.length),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 99)),
        ms(sorted.at(-1) ?? Number.NaN),
        String(phase.trivialFailed),
        String(phase.slow.length),
        slow > 0 ? ms(percentile(slowSorted, 50)) : "-",
        String(phase.slowTimedOut + phase.slowFailed),
        peakRssMb(server.child.pid),
      ]);
    } finally {
      await stopServer(server);
    }
  }
  const loadAfter = loadavg();
  console.log(`\nBlocking: ${engine} (${location}), ${total.toLocaleString("en")} tickets`);
  console.log(
    `${seconds} s per phase, a trivial request every ${interval} ms, ${slowClients} clients of slow reads: ${slowReads.join(", ")}\n`,
  );
  console.log(table(rows));
  const fmt = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
  console.log(`\nload average before ${fmt(loadBefore)}, after ${fmt(loadAfter)}`);
}

if (values.serve) await serve();
else await main();
