/**
 * How long every report takes for a 12-month range, over HTTP as an admin, on a database of N tickets with
 * metrics. An empty database is filled first with bench:seed --history (tickets with teams, replies, status
 * changes and ratings) and `metrics:backfill` (their metrics rows, rollups and report cube), so the figures are
 * worked out the way the app records them; a database filled before the cube existed gets its cube built first. Prints p50/p95/max per report and the load average; asserts no time.
 *
 *   npm run bench:reports -- --tickets 100000
 *   npm run bench:reports -- --tickets 100000 --database-url postgres://postgres@127.0.0.1:5432/sb_reports
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type ReportKind, reportKinds } from "../common/reports.ts";
import { createUser } from "../server/accounts/commands/create-user.ts";
import { readConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { buildApp } from "../server/http/app.ts";
import { backfillMetrics } from "../server/reports/backfill.ts";
import { buildReportCube } from "../server/reports/cube/build.ts";
import { progressBar } from "../server/reports/progress-bar.ts";
import { warmReports } from "../server/reports/warm.ts";
import { count, fail, intOption, ms, percentile, table } from "./common.ts";

const usage = `Usage: node bench/reports.ts [options]

  --tickets N          tickets to seed when the database is empty (default 100000)
  --database-url URL   PostgreSQL database; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-reports)
  --runs N             timed requests per report (default 20)
  --warmup N           untimed requests first (default 2)
  --filtered           only the filtered reports (each report with one group, agent, priority, channel, service)
  --reports A,B        only these reports (default every one: overview, volume, efficiency, sla, agents, satisfaction)
  --warm-start         read the reports in first as the server does when it starts (server/reports/warm.ts);
                       with --warmup 0 --runs 1, each report's first request then shows what a person
                       opening Reports after a start waits for
  --interval I         day, week or month (default month, as the "Last 12 months" preset draws them; an API
                       client may ask for a year by day)
`;

const adminEmail = "bench.reports.admin@switchboard.local";
const adminPassword = "bench reports password";

const countOf = async (db: ReturnType<typeof openDatabase>["db"], table: "tickets" | "ticket_metrics") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tickets: { type: "string" },
      "database-url": { type: "string" },
      "data-dir": { type: "string", default: "./.tmp/bench-reports" },
      runs: { type: "string" },
      warmup: { type: "string" },
      filtered: { type: "boolean", default: false },
      "warm-start": { type: "boolean", default: false },
      interval: { type: "string", default: "month" },
      reports: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const tickets = intOption("tickets", values.tickets, 100_000);
  const runs = intOption("runs", values.runs, 20);
  const warmup = intOption("warmup", values.warmup, 2, 0);
  const interval = values.interval;
  if (!["day", "week", "month"].includes(interval)) fail("--interval is day, week or month.");
  const kinds = values.reports
    ? values.reports
        .split(",")
        .map((kind) => reportKinds.find((known) => known === kind) ?? fail(`No report "${kind}".`))
    : reportKinds;
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail("--database-url must start with postgres:// or postgresql://.");
  }
  const dataDir = values["data-dir"];
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

  // 1. Tickets with a history (bench:seed --history), in their own process as `npm run bench:seed` would be.
  if ((await countOf(db, "tickets")) === 0) {
    const args = ["bench/seed.ts", "--tickets", String(tickets), "--history"];
    args.push(...(databaseUrl ? ["--database-url", databaseUrl] : ["--data-dir", dataDir]));
    const seeded = spawnSync(process.execPath, args, { stdio: "inherit" });
    if (seeded.status !== 0) fail("Seeding failed (see above).");
  }
  // 2. Their metrics, replayed from the events as `npm run cli -- metrics:backfill` does.
  const total = await countOf(db, "tickets");
  if ((await countOf(db, "ticket_metrics")) < total) {
    const began = performance.now();
    await backfillMetrics(db, progressBar(process.stderr, "Metrics"));
    console.log(
      `Backfilled the metrics of ${count(total)} tickets in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
  }

  // 3. The report cube, as the `reports.cube` job builds it (days not built yet; none on a second run).
  {
    const began = performance.now();
    const built = await buildReportCube(db, new Date(), Number.POSITIVE_INFINITY);
    console.log(
      `Built the report cube (${built.days} days, ${built.months} months) in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
  }

  // 4. The app, and an admin signed in to it.
  if (!(await db.selectFrom("users").select("id").where("email", "=", adminEmail).executeTakeFirst())) {
    await createUser(db, { email: adminEmail, name: "Bench Reports Admin", password: adminPassword, licence: "admin" });
  }
  const app = await buildApp({ db, engine, config });
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (typeof address !== "object" || address === null) throw new Error("The app did not report its port.");
    const base = `http://127.0.0.1:${address.port}`;
    const session = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    });
    if (!session.ok) fail(`Signing in answered ${session.status}.`);
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    if (values["warm-start"]) {
      const warming = performance.now();
      await warmReports(db, new Date());
      console.log(`Warmed the reports as the server does at start in ${ms(performance.now() - warming)} ms`);
    }

    // The last 12 months, as the "Last 12 months" preset asks for them (months unless --interval, UTC, business time).
    const now = Date.now();
    const period = new URLSearchParams({
      from: day(now - 364 * 86_400_000),
      to: day(now),
      timeZone: "UTC",
      interval,
    });
    const agent = await db
      .selectFrom("users")
      .select("id")
      .where("email", "like", "bench.team1.agent1@%")
      .executeTakeFirst();
    const group = await db.selectFrom("groups").select("id").where("name", "=", "Bench team 1").executeTakeFirst();
    const service = await db.selectFrom("services").select("id").orderBy("name").executeTakeFirst();
    // One filter besides the group reads that filter's slice of the cube (server/reports/cube/contributions.ts);
    // every report is timed with each kind of slice, and with a group, which every slice is kept per.
    const filters: [label: string, extra: Record<string, string>][] = [
      ...(group ? [["one group", { groupId: group.id }] as [string, Record<string, string>]] : []),
      ...(agent ? [["one agent", { assigneeId: agent.id }] as [string, Record<string, string>]] : []),
      ["one priority", { priority: "high" }],
      ["one channel", { channel: "email" }],
      ...(service ? [["one service", { serviceId: service.id }] as [string, Record<string, string>]] : []),
    ];
    const only = values.filtered
      ? []
      : kinds.map((kind): [string, ReportKind, Record<string, string>] => [kind, kind, {}]);
    const cases: [label: string, kind: ReportKind, extra: Record<string, string>][] = [
      ...only,
      ...filters.flatMap(([label, extra]) =>
        kinds.map((kind): [string, ReportKind, Record<string, string>] => [`${kind}, ${label}`, kind, extra]),
      ),
    ];
    // The cube's size by kind of slice ("all tickets", "priority", "assignee", …): slices multiply its rows.
    const bySlice = await db
      .selectFrom("report_cube")
      .select((eb) => ["slice", eb.fn.countAll<number>().as("n")])
      .groupBy("slice")
      .execute();
    const slices = new Map<string, number>();
    for (const { slice, n } of bySlice) {
      const kind = slice === "" ? "all tickets" : slice.slice(0, slice.indexOf(":"));
      slices.set(kind, (slices.get(kind) ?? 0) + Number(n));
    }
    console.log(`Report cube rows by slice: ${[...slices].map(([kind, n]) => `${kind} ${count(n)}`).join(", ")}`);

    const loadBefore = loadavg()[0] ?? 0;
    console.log(
      `\nReports for ${period.get("from")} to ${period.get("to")} on ${engine} (${location}), ${count(total)} tickets, ` +
        `${runs} timed requests each after ${warmup} warm-up; load average ${loadBefore.toFixed(2)}\n`,
    );
    const rows: string[][] = [["report", "p50 ms", "p95 ms", "max ms"]];
    for (const [label, kind, extra] of cases) {
      const query = new URLSearchParams(period);
      for (const [key, value] of Object.entries(extra)) query.set(key, value);
      const url = `${base}/api/v1/reports/${kind}?${query}`;
      const times: number[] = [];
      for (let i = 0; i < warmup + runs; i += 1) {
        const began = performance.now();
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        const took = performance.now() - began;
        if (!response.ok) fail(`GET ${url} answered ${response.status}.`);
        if (i >= warmup) times.push(took);
      }
      times.sort((a, b) => a - b);
      rows.push([label, ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times.at(-1) ?? Number.NaN)]);
      // Each report as it is done: at a million tickets a slow one takes minutes, and the table comes at the end.
      console.error(`  ${rows.at(-1)?.join("  ")}`);
    }
    console.log(table(rows));
    const [one, five] = loadavg();
    console.log(`\nLoad average after: ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)`);
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
