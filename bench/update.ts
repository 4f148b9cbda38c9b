/**
 * What recording metrics costs a ticket update: agents' everyday changes over HTTP, with and without the metrics
 * reaction, in alternating runs on one app started in this process.
 *
 * The app starts here (fresh temporary SQLite, --data-dir, or the PostgreSQL database of --database-url), gets an
 * agent team and --tickets requests (submitted over HTTP, moved into the team's group), then runs a warm-up and
 * --rounds × (metrics on, metrics off). Each run sends --amount updates from --connections workers, each worker
 * changing only its own share of the tickets so it knows what every ticket holds: a status change, a public
 * reply, an internal note, an assignment or a priority change, each to a value the ticket does not have yet.
 * Every answer must be 2xx; afterwards every ticket's status, priority, assignee, replies and notes must be what
 * the workers sent, and the metrics rows must have moved in the "on" runs only.
 *
 * Per run it prints updates/s, p50/p99 and the CPU time of this process per update (the app, SQLite and the
 * client's share, the same in both modes), which other people's load on a shared machine moves far less than
 * throughput; then the medians of both modes and the load average. It asserts no time.
 *
 *   npm run bench:update -- --connections 10 --amount 600 --rounds 3
 *   npm run bench:update -- --database-url postgres://postgres@127.0.0.1:5432/sb_update
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type KyselyPlugin, sql } from "kysely";
import { z } from "zod";
import { type Priority, priorities } from "../common/tickets.ts";
import { createUser } from "../server/accounts/commands/create-user.ts";
import { ensureCategories } from "../server/bootstrap.ts";
import { readConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { now } from "../server/db/engine.ts";
import { newId } from "../server/db/ids.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { readerOf } from "../server/db/read-pool/reader.ts";
import { buildApp } from "../server/http/app.ts";
import { count, fail, intOption, median, ms, percentile, postgresCpuMs, table } from "./common.ts";
import { fakeSubmission, pick, requesterPool, seededRandom } from "./fake-data.ts";
import { metricsSwitch } from "./metrics-switch.ts";

const usage = `Usage: node bench/update.ts [options]

  --database-url URL   PostgreSQL database for the app started here (default: a fresh temporary SQLite)
  --data-dir DIR       SQLite data folder (kept afterwards; default: a fresh temporary folder, removed afterwards)
  --tickets N          tickets the updates go to (default 400)
  --connections N      concurrent workers, each with its own share of the tickets (default 10)
  --amount N           updates per run (default 600)
  --rounds N           pairs of runs, metrics on and off, in alternating order (default 3)
  --warmup N           untimed updates first, metrics on (default 200)
  --seed N             random seed (default 1)
  --only on|off        run one mode only (to profile it: node --cpu-prof bench/update.ts --only on)
`;

const password = "bench update password";
const categoriesSchema = z.object({ categories: z.array(z.object({ id: z.string() })) });
const statusesSchema = z.object({ statuses: z.array(z.object({ id: z.string(), category: z.string() })) });
const submittedSchema = z.object({ number: z.number() });

type Operation = "status" | "reply" | "note" | "assign" | "priority";
/** The mix: what agents do most on a ticket page. */
const mix: readonly (readonly [Operation, number])[] = [
  ["reply", 30],
  ["status", 25],
  ["note", 20],
  ["assign", 15],
  ["priority", 10],
];

/** What a ticket holds, as its worker changed it. */
type Expected = {
  number: number;
  statusId: string;
  priority: Priority;
  assigneeId: string | null;
  replies: number;
  notes: number;
};

type Client = { base: string; cookie: string; csrfToken: string };

async function call(client: Client, method: string, route: string, body: unknown): Promise<number> {
  const response = await fetch(`${client.base}${route}`, {
    method,
    headers: { "content-type": "application/json", cookie: client.cookie, "x-csrf-token": client.csrfToken },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      tickets: { type: "string" },
      connections: { type: "string" },
      amount: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      seed: { type: "string" },
      only: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const ticketCount = intOption("tickets", values.tickets, 400);
  const connections = intOption("connections", values.connections, 10);
  const amount = intOption("amount", values.amount, 600);
  const rounds = intOption("rounds", values.rounds, 3);
  const only = values.only;
  if (only !== undefined && only !== "on" && only !== "off") fail("--only must be on or off.");
  const warmup = intOption("warmup", values.warmup, 200, 0);
  const random = seededRandom(intOption("seed", values.seed, 1, 0));
  if (ticketCount < connections) fail("--tickets must be at least --connections (each worker needs tickets).");
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail("--database-url must start with postgres:// or postgresql://.");
  }

  const givenDataDir = values["data-dir"];
  const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), "switchboard-bench-update-"));
  const config = readConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: "0",
    RATE_LIMITING: "false",
    DEMO_DATA: "false",
    LOG_LEVEL: "silent",
  });
  const opened = openDatabase(config);
  const { engine, location } = opened;
  // Counts the statements the app runs (every result passes a plugin's transformResult once, compiled-once
  // queries included), so a run can say how many an update costs with and without metrics: a figure other
  // people's load cannot move.
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements += 1;
      return args.result;
    },
  };
  const db = opened.db.withPlugin(counter);
  await migrateToLatest(db, engine);
  await ensureCategories(db);

  // An agent team: the bench agent works the tickets and assigns them among the four.
  const stamp = Date.now().toString(36);
  const team = [];
  for (let i = 1; i <= 4; i++) {
    const email = `bench.update.${stamp}.agent${i}@switchboard.local`;
    team.push(await createUser(db, { email, name: `Update Agent ${i}`, password, licence: "agent" }));
  }
  const groupId = newId();
  await db
    .insertInto("groups")
    .values({ id: groupId, name: `Bench update team ${stamp}`, created_at: now() })
    .execute();
  await db
    .insertInto("group_members")
    .values(team.map((user) => ({ user_id: user.id, group_id: groupId })))
    .execute();

  const app = await buildApp({ db, engine, config });
  // As the server does at start (server/main.ts): read threads up, and on SQLite the WAL checkpointer.
  readerOf(db, config.readPool).warm();
  const metrics = metricsSwitch();
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (typeof address !== "object" || address === null) throw new Error("The app did not report its port.");
    const base = `http://127.0.0.1:${address.port}`;

    const agent = team[0] ?? fail("No agent.");
    const session = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: agent.email, password }),
    });
    if (!session.ok) fail(`Signing in answered ${session.status}.`);
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = z
      .object({ csrfToken: z.string() })
      .parse(await (await fetch(`${base}/api/v1/session`, { headers: { cookie } })).json());
    const client: Client = { base, cookie, csrfToken };

    const categoryIds = categoriesSchema
      .parse(await (await fetch(`${base}/api/v1/categories`)).json())
      .categories.map((c) => c.id);
    const statuses = statusesSchema.parse(
      await (await fetch(`${base}/api/v1/statuses`, { headers: { cookie } })).json(),
    ).statuses;
    // Statuses an agent moves a ticket between while working it (closed and withdrawn end the work).
    const workingStatuses = statuses.filter((s) => ["open", "pending", "on_hold", "solved"].includes(s.category));
    if (workingStatuses.length < 2) fail("The help desk needs at least two open, pending, on-hold or solved statuses.");

    // The tickets: submitted by customers over HTTP, then moved into the team's group by the agent.
    console.log(`Preparing ${count(ticketCount)} tickets on ${engine} (${location})…`);
    const requesters = requesterPool(500, random);
    const expected: Expected[] = [];
    const prepare = async (worker: number) => {
      for (let i = worker; i < ticketCount; i += connections) {
        const submission = fakeSubmission(random, requesters, categoryIds);
        const response = await fetch(`${base}/api/v1/tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(submission),
        });
        if (response.status !== 201) fail(`Submitting a ticket answered ${response.status}.`);
        const { number } = submittedSchema.parse(await response.json());
        const moved = await call(client, "PATCH", `/api/v1/tickets/${number}`, { groupId });
        if (moved !== 204) fail(`Moving ticket ${number} into the team's group answered ${moved}.`);
        const row = await db
          .selectFrom("tickets")
          .select(["status_id", "priority", "assignee_id"])
          .where("number", "=", number)
          .executeTakeFirstOrThrow();
        expected[i] = {
          number,
          statusId: row.status_id,
          priority: row.priority,
          assigneeId: row.assignee_id,
          replies: 0,
          notes: 0,
        };
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, worker) => prepare(worker)));

    const totalWeight = mix.reduce((sum, [, weight]) => sum + weight, 0);
    const chooseOperation = (): Operation => {
      let roll = random() * totalWeight;
      for (const [operation, weight] of mix) {
        roll -= weight;
        if (roll < 0) return operation;
      }
      return "reply";
    };
    const other = <T>(choices: readonly T[], current: T): T =>
      pick(
        random,
        choices.filter((c) => c !== current),
      );
    const assignees = [...team.map((user) => user.id), null];
    const failures: string[] = [];

    /** One update to one of the worker's tickets; returns the milliseconds it took. */
    const update = async (ticket: Expected): Promise<number> => {
      const operation = chooseOperation();
      const route = `/api/v1/tickets/${ticket.number}`;
      const began = performance.now();
      let status: number;
      switch (operation) {
        case "status": {
          const statusId = other(
            workingStatuses.map((s) => s.id),
            ticket.statusId,
          );
          status = await call(client, "POST", `${route}/status`, { statusId });
          ticket.statusId = statusId;
          break;
        }
        case "reply":
          status = await call(client, "POST", `${route}/comments`, {
            body: "Thanks, we are looking into it and will get back to you today.",
            kind: "public",
          });
          ticket.replies += 1;
          break;
        case "note":
          status = await call(client, "POST", `${route}/comments`, {
            body: "Checked the logs: nothing yet.",
            kind: "note",
          });
          ticket.notes += 1;
          break;
        case "assign": {
          const assigneeId = other(assignees, ticket.assigneeId);
          status = await call(client, "PATCH", route, { assigneeId });
          ticket.assigneeId = assigneeId;
          break;
        }
        case "priority": {
          const priority = other(priorities, ticket.priority);
          status = await call(client, "PATCH", route, { priority });
          ticket.priority = priority;
          break;
        }
      }
      const took = performance.now() - began;
      if (status < 200 || status > 299) failures.push(`${operation} on ticket ${ticket.number} answered ${status}`);
      return took;
    };

    const touches = async () =>
      Number(
        (
          await db
            .selectFrom("ticket_metrics")
            .select(sql<number>`coalesce(sum(agent_touches), 0)`.as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    type Run = {
      label: string;
      perSecond: number;
      p50: number;
      p99: number;
      cpuMs: number;
      /** PostgreSQL's processes' CPU per update (undefined on SQLite, whose work is in `cpuMs`). */
      databaseCpuMs: number | undefined;
      metricsMs: number;
      statements: number;
      touched: number;
    };
    const run = async (label: string, updates: number): Promise<Run> => {
      const touchesBefore = await touches();
      let remaining = updates;
      const latencies: number[] = [];
      const worker = async (index: number) => {
        const mine = expected.filter((_, i) => i % connections === index);
        while (remaining > 0) {
          remaining -= 1;
          latencies.push(await update(pick(random, mine)));
        }
      };
      const statementsBefore = statements;
      const metricsBefore = metrics.ms();
      const cpuBefore = process.cpuUsage();
      const databaseCpuBefore = engine === "postgres" ? postgresCpuMs() : undefined;
      const began = performance.now();
      await Promise.all(Array.from({ length: connections }, (_, index) => worker(index)));
      const seconds = (performance.now() - began) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const databaseCpuAfter = databaseCpuBefore === undefined ? undefined : postgresCpuMs();
      const ran = statements - statementsBefore;
      latencies.sort((a, b) => a - b);
      return {
        label,
        perSecond: updates / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        cpuMs: (cpu.user + cpu.system) / 1000 / updates,
        databaseCpuMs:
          databaseCpuBefore === undefined || databaseCpuAfter === undefined
            ? undefined
            : (databaseCpuAfter - databaseCpuBefore) / updates,
        metricsMs: (metrics.ms() - metricsBefore) / updates,
        statements: ran / updates,
        touched: (await touches()) - touchesBefore,
      };
    };

    console.log(
      `${count(amount)} updates per run from ${connections} workers on ${count(ticketCount)} tickets, ` +
        `${rounds} rounds of metrics on / off after ${count(warmup)} warm-up updates`,
    );
    const loadBefore = loadavg();
    metrics.on();
    if (warmup > 0) await run("warm-up", warmup);
    const runs: Run[] = [];
    // The order alternates (on, off; off, on; …): a later run meets a bigger database and a longer WAL, which
    // would otherwise always count against the same mode.
    for (let round = 1; round <= rounds; round++) {
      const on = async () => {
        metrics.on();
        runs.push(await run(`metrics on, ${round}`, amount));
      };
      const off = async () => {
        metrics.off();
        runs.push(await run(`metrics off, ${round}`, amount));
      };
      if (only === "on") await on();
      else if (only === "off") await off();
      else if (round % 2 === 1) {
        await on();
        await off();
      } else {
        await off();
        await on();
      }
    }
    metrics.on();
    const loadAfter = loadavg();

    // PostgreSQL's CPU is read in clock ticks (10 ms): per update it is a mean over the run, shown as such.
    const databaseMs = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(2));
    const medians = (prefix: string): string[] => {
      const of = runs.filter((r) => r.label.startsWith(prefix));
      return [
        `median, ${prefix}`,
        count(median(of.map((r) => r.perSecond))),
        ms(median(of.map((r) => r.p50))),
        ms(median(of.map((r) => r.p99))),
        ms(median(of.map((r) => r.cpuMs))),
        databaseMs(median(of.map((r) => r.databaseCpuMs ?? Number.NaN))),
        ms(median(of.map((r) => r.metricsMs))),
        median(of.map((r) => r.statements)).toFixed(2),
        "",
      ];
    };
    console.log(
      `\n${table([
        [
          "run",
          "updates/s",
          "p50 ms",
          "p99 ms",
          "CPU ms/update",
          "PostgreSQL CPU ms/update",
          "in metrics ms/update",
          "statements/update",
          "metrics touches",
        ],
        ...runs.map((r) => [
          r.label,
          count(r.perSecond),
          ms(r.p50),
          ms(r.p99),
          ms(r.cpuMs),
          databaseMs(r.databaseCpuMs ?? Number.NaN),
          ms(r.metricsMs),
          r.statements.toFixed(2),
          count(r.touched),
        ]),
        medians("metrics on"),
        medians("metrics off"),
      ])}`,
    );
    const on = median(runs.filter((r) => r.label.startsWith("metrics on")).map((r) => r.cpuMs));
    const off = median(runs.filter((r) => r.label.startsWith("metrics off")).map((r) => r.cpuMs));
    console.log(`\nCPU per update with metrics: ${((on / off - 1) * 100).toFixed(1)}% against without (medians)`);
    if (engine === "postgres") {
      // The whole cost of an update: the app's process and PostgreSQL's, which runs every statement it sends.
      const whole = (prefix: string) =>
        median(runs.filter((r) => r.label.startsWith(prefix)).map((r) => r.cpuMs + (r.databaseCpuMs ?? 0)));
      const [wholeOn, wholeOff] = [whole("metrics on"), whole("metrics off")];
      console.log(
        `CPU per update, app and PostgreSQL together: ${ms(wholeOn)} against ${ms(wholeOff)} ms, ` +
          `${((wholeOn / wholeOff - 1) * 100).toFixed(1)}% with metrics (medians)`,
      );
    }
    // Within each "on" run: the time inside the metrics reaction against the rest of the update's CPU. Exact with
    // --connections 1 (otherwise other requests' work, done while the reaction awaits, is counted in it too).
    const shares = runs
      .filter((r) => r.label.startsWith("metrics on"))
      .map((r) => (r.metricsMs / (r.cpuMs - r.metricsMs)) * 100)
      .sort((a, b) => a - b);
    console.log(
      `Inside the metrics reaction, against the rest of the update (on runs${connections === 1 ? "" : `, ${connections} connections: an upper bound`}): ` +
        `${shares.map((p) => `${p.toFixed(1)}%`).join(", ")}; median ${median(shares).toFixed(1)}%`,
    );
    const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(" ");
    console.log(`Load average before: ${load(loadBefore)}; after: ${load(loadAfter)}`);

    // The check: every answer 2xx, every change stored, and the metrics rows moved only with metrics on.
    for (const ticket of expected) {
      const stored = await db
        .selectFrom("tickets")
        .select(["id", "status_id", "priority", "assignee_id"])
        .where("number", "=", ticket.number)
        .executeTakeFirstOrThrow();
      const events = await db
        .selectFrom("ticket_events")
        .select(["type", "visibility", (eb) => eb.fn.countAll<number>().as("n")])
        .where("ticket_id", "=", stored.id)
        .where("actor_id", "=", agent.id)
        .where("type", "in", ["comment", "note"])
        .groupBy(["type", "visibility"])
        .execute();
      const counted = (type: string, visibility: string) =>
        Number(events.find((e) => e.type === type && e.visibility === visibility)?.n ?? 0);
      const differences = [
        stored.status_id !== ticket.statusId ? "status" : "",
        stored.priority !== ticket.priority ? "priority" : "",
        stored.assignee_id !== ticket.assigneeId ? "assignee" : "",
        counted("comment", "public") !== ticket.replies ? "replies" : "",
        counted("note", "internal") !== ticket.notes ? "notes" : "",
      ].filter(Boolean);
      if (differences.length > 0) failures.push(`ticket ${ticket.number} differs in ${differences.join(", ")}`);
    }
    for (const r of runs) {
      const moved = r.touched > 0;
      if (r.label.startsWith("metrics on") && !moved) failures.push(`${r.label}: the metrics rows did not move`);
      if (r.label.startsWith("metrics off") && moved) failures.push(`${r.label}: the metrics rows moved`);
    }
    if (failures.length > 0) {
      console.error(
        `\n!!! ${failures.length} PROBLEMS !!!\n${failures
          .slice(0, 20)
          .map((f) => `  - ${f}`)
          .join("\n")}\n`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        "Check: OK, every answer 2xx and every ticket holds what was sent; metrics moved in the on runs only",
      );
    }
  } finally {
    await app.close();
    await db.destroy();
    if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
