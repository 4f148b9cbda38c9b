/**
 * Load test of ticket submission: POST /api/v1/tickets over HTTP with autocannon.
 *
 * Without --url it starts the app in this process (fresh temporary SQLite data folder, --data-dir, or the
 * PostgreSQL database of --database-url), and afterwards checks that every 201 the server sent is a ticket in the
 * database and the other way round.
 *
 *   npm run bench:create -- --connections 10 --duration 10
 *   npm run bench:create -- --database-url postgres://postgres@127.0.0.1:5432/sb_bench
 *   npm run bench:create -- --url http://127.0.0.1:3000 --amount 2000
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ensureCategories } from "../server/bootstrap.ts";
import { readConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import type { Engine } from "../server/db/engine.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { readerOf } from "../server/db/read-pool/reader.ts";
import type { Database } from "../server/db/schema.ts";
import { buildApp } from "../server/http/app.ts";
import type { App } from "../server/http/types.ts";
import { count, fail, intOption, ms, percentile, postgresCpuMs } from "./common.ts";
import { dropCounterTriggers } from "./counter-triggers.ts";
import { fakeSubmission, requesterPool, seededRandom } from "./fake-data.ts";
import { metricsSwitch } from "./metrics-switch.ts";

const usage = `Usage: node bench/create.ts [options]

  --url URL            a running Switchboard on this machine (start it with RATE_LIMITING=false);
                       without it the app starts in this process and the result is checked
  --database-url URL   PostgreSQL database for the app started here (default: a fresh temporary SQLite)
  --data-dir DIR       SQLite data folder for the app started here, e.g. one filled by bench:seed
                       (kept afterwards; default: a fresh temporary folder, removed afterwards)
  --connections N      concurrent connections (default 10)
  --duration S         seconds to run (default 10)
  --amount N           send exactly N requests instead of running for a duration
  --max-seconds S      hard stop for --amount runs (default 300)
  --seed N             random seed for the request bodies (default 1)
  --without-counters   drop the queue counters' triggers first (migration 0027), to measure what they cost;
                       only on a database without tickets
  --without-metrics    run the app without the metrics reaction (no ticket_metrics rows or rollups), to
                       compare with a run that has it: what recording metrics costs a submission
`;

const categoriesSchema = z.object({ categories: z.array(z.object({ id: z.string() })) });

type Started = {
  url: string;
  engine: Engine;
  location: string;
  db: Kysely<Database>;
  app: App;
  /** 201 replies the server produced for POST /api/v1/tickets, whether or not the client was still there. */
  created: () => number;
  inFlight: () => number;
  /** Milliseconds spent inside the metrics reaction (exact with one connection: nothing else runs while it awaits). */
  metricsMs: () => number;
  cleanup: () => Promise<void>;
};

/** A load test only ever goes to this machine. */
function loopbackOrigin(raw: string): string {
  const url = URL.parse(raw) ?? fail(`--url must be a full URL, like http://127.0.0.1:3000, not ${raw}.`);
  const loopback =
    url.hostname === "localhost" || url.hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (!loopback) fail(`--url must point at this machine (127.0.0.1 or localhost), not ${url.host}.`);
  return url.origin;
}

async function startApp(
  databaseUrl: string | undefined,
  givenDataDir: string | undefined,
  withoutCounters: boolean,
  withoutMetrics: boolean,
): Promise<Started> {
  const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), "switchboard-bench-"));
  // Rate limiting would answer 429 after 30 requests from one address: this measures the write path.
  const config = readConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: "0",
    RATE_LIMITING: "false",
    DEMO_DATA: "false",
    LOG_LEVEL: "silent",
  });
  const { db, engine, location } = openDatabase(config);
  await migrateToLatest(db, engine);
  if (withoutCounters) await dropCounterTriggers(db, engine);
  await ensureCategories(db);
  const app = await buildApp({ db, engine, config });
  // As the server does at start (server/main.ts): read threads up, and on SQLite the WAL checkpointer.
  readerOf(db, config.readPool).warm();
  // With the metrics reaction timed, or without it (--without-metrics).
  const metrics = metricsSwitch();
  if (withoutMetrics) metrics.off();
  else metrics.on();

  let created = 0;
  let inFlight = 0;
  const isSubmission = (method: string, route: string | undefined) => method === "POST" && route === "/api/v1/tickets";
  app.addHook("onRequest", async (request) => {
    if (isSubmission(request.method, request.routeOptions.url)) inFlight += 1;
  });
  // onSend runs once the handler has its answer, even when the client has already hung up.
  app.addHook("onSend", async (request, reply, payload) => {
    if (isSubmission(request.method, request.routeOptions.url)) {
      inFlight -= 1;
      if (reply.statusCode === 201) created += 1;
    }
    return payload;
  });

  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (typeof address !== "object" || address === null) throw new Error("The app did not report its port.");
  return {
    url: `http://127.0.0.1:${address.port}`,
    engine,
    location,
    db,
    app,
    created: () => created,
    inFlight: () => inFlight,
    metricsMs: metrics.ms,
    cleanup: async () => {
      await app.close();
      await db.destroy();
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function countRows(db: Kysely<Database>): Promise<{ tickets: number; events: number }> {
  const [tickets, events] = await Promise.all([
    db
      .selectFrom("tickets")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("ticket_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("type", "=", "created")
      .executeTakeFirstOrThrow(),
  ]);
  return { tickets: Number(tickets.n), events: Number(events.n) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      amount: { type: "string" },
      "max-seconds": { type: "string" },
      seed: { type: "string" },
      "without-counters": { type: "boolean", default: false },
      "without-metrics": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const connections = intOption("connections", values.connections, 10);
  const duration = intOption("duration", values.duration, 10);
  const amount = values.amount === undefined ? undefined : intOption("amount", values.amount, 0);
  const maxSeconds = intOption("max-seconds", values["max-seconds"], 300);
  const random = seededRandom(intOption("seed", values.seed, 1, 0));
  if (amount !== undefined && amount < connections) fail("--amount must be at least --connections.");
  if (duration > 3600) fail("--duration is limited to 3600 seconds.");
  if (values.url && values["without-counters"]) fail("--without-counters only works for the app started here.");
  if (values.url && values["without-metrics"]) fail("--without-metrics only works for the app started here.");
  if (values.url && (values["database-url"] || values["data-dir"])) {
    fail("Use --url for a running app, or --database-url/--data-dir for one started here, not both.");
  }
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail("--database-url must start with postgres:// or postgresql://.");
  }

  const given = values.url === undefined ? undefined : loopbackOrigin(values.url);
  const started =
    given === undefined
      ? await startApp(databaseUrl, values["data-dir"], values["without-counters"], values["without-metrics"])
      : undefined;
  const target = given ?? started?.url ?? fail("No app to send requests to.");

  try {
    const before = started ? await countRows(started.db) : undefined;

    const response = await fetch(`${target}/api/v1/categories`);
    if (!response.ok) fail(`GET ${target}/api/v1/categories answered ${response.status}.`);
    const categoryIds = categoriesSchema.parse(await response.json()).categories.map((c) => c.id);
    if (categoryIds.length === 0) fail("The help desk has no categories, so no request form can be submitted.");

    const requesters = requesterPool(3000, random);
    const body = (): string => JSON.stringify(fakeSubmission(random, requesters, categoryIds));

    const where = started ? `the app started here (${started.engine}: ${started.location})` : target;
    const length = amount === undefined ? `${duration} s` : `${count(amount)} requests`;
    const metrics = values["without-metrics"] ? ", without the metrics reaction" : "";
    console.log(`POST /api/v1/tickets on ${where}: ${connections} connections, ${length}${metrics}`);

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let settle: { resolve: (result: autocannon.Result) => void; reject: (error: unknown) => void } | undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const options: autocannon.Options = {
      url: target,
      connections,
      ...(amount === undefined ? { duration } : { amount }),
      requests: [
        {
          method: "POST",
          path: "/api/v1/tickets",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({ ...request, body: body() }),
        },
      ],
    };
    // CPU time this process spends (the app, SQLite, and autocannon's share): on a shared machine it moves far
    // less with other people's load than throughput does, so it compares two configurations better.
    const cpuBefore = process.cpuUsage();
    // PostgreSQL's processes run the app's statements: their CPU is part of what a creation costs.
    const databaseCpuBefore = databaseUrl !== undefined ? postgresCpuMs() : undefined;
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) =>
      error ? settle?.reject(error) : settle?.resolve(result),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const hardStop = setTimeout(() => {
      console.error(`Stopping after ${maxSeconds} s (--max-seconds).`);
      instance.stop();
    }, maxSeconds * 1000);
    const result = await done.finally(() => clearTimeout(hardStop));
    const cpu = process.cpuUsage(cpuBefore);
    const databaseCpuAfter = databaseCpuBefore === undefined ? undefined : postgresCpuMs();

    latencies.sort((a, b) => a - b);
    const answered = latencies.length;
    const createdSeen = statuses.get(201) ?? 0;
    const non2xx = [...statuses].filter(([status]) => status < 200 || status > 299).reduce((sum, [, n]) => sum + n, 0);
    const breakdown = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${count(n)}`)
      .join(", ");
    console.log(
      [
        "",
        `  requests:    ${count(answered)} answered (${breakdown || "none"}), ${count(result.errors)} errors, ${count(result.timeouts)} timeouts`,
        `  non-2xx:     ${count(non2xx)}`,
        `  tickets/s:   ${count(createdSeen / result.duration)} (201 responses over ${result.duration.toFixed(1)} s)`,
        `  CPU ms:      ${ms((cpu.user + cpu.system) / 1000 / Math.max(1, createdSeen))} per ticket (this process, user + system)`,
        ...(databaseCpuBefore !== undefined && databaseCpuAfter !== undefined
          ? [
              `  PostgreSQL:  ${((databaseCpuAfter - databaseCpuBefore) / Math.max(1, createdSeen)).toFixed(2)} CPU ms per ticket ` +
                "(every postgres process on this machine, in 10 ms ticks)",
            ]
          : []),
        ...(started && !values["without-metrics"]
          ? [
              `  metrics ms:  ${ms(started.metricsMs() / Math.max(1, createdSeen))} per ticket inside the metrics reaction ` +
                `(${((started.metricsMs() / ((cpu.user + cpu.system) / 1000 - started.metricsMs())) * 100).toFixed(1)}% of the rest; exact with --connections 1)`,
            ]
          : []),
        `  latency ms:  p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? Number.NaN)}`,
      ].join("\n"),
    );
    if (statuses.has(429)) {
      console.log("  (429: the server is rate limiting; start it with RATE_LIMITING=false to measure the write path.)");
    }

    if (started && before) {
      // Requests cut off when the run ended still finish on the server; wait for them before counting.
      const waitUntil = Date.now() + 30_000;
      while (started.inFlight() > 0 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
      const after = await countRows(started.db);
      const tickets = after.tickets - before.tickets;
      const events = after.events - before.events;
      const sent = started.created();
      const cutOff = sent - createdSeen;
      console.log(
        `  check:       ${count(tickets)} new tickets and ${count(events)} "created" events in the database; ` +
          `the server answered 201 ${count(sent)} times` +
          (cutOff > 0 ? ` (${count(cutOff)} of them to connections closed when the run ended)` : ""),
      );
      const problems = [
        started.inFlight() > 0 ? `${started.inFlight()} submissions were still running 30 s after the end` : "",
        tickets !== sent ? `${count(tickets)} tickets in the database but ${count(sent)} answered 201` : "",
        events !== tickets ? `${count(events)} "created" events for ${count(tickets)} tickets` : "",
        createdSeen > sent ? `the client saw ${count(createdSeen)} 201s but the server sent ${count(sent)}` : "",
        cutOff > connections ? `${count(cutOff)} acknowledged submissions never reached the client` : "",
        amount !== undefined && cutOff !== 0 ? `${count(cutOff)} 201s went missing in a run of a fixed amount` : "",
      ].filter(Boolean);
      if (problems.length > 0) {
        console.error(`\n!!! WRITES DO NOT ADD UP !!!\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
        process.exitCode = 1;
      } else {
        console.log("  check:       OK, every 201 is a ticket and every new ticket was answered 201");
      }
    }
  } finally {
    await started?.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
