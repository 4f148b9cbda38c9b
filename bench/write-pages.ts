/**
 * What a ticket creation writes on SQLite, in pages: the WAL frames its commits append, with the metrics
 * reaction on and off, in alternating batches on one app started in this process (fresh temporary SQLite).
 *
 * Time on this shared two-core machine moves with other people's load by more than the differences sought
 * (docs/benchmarks.md, issue 18); the pages a commit writes do not move at all. Each page is a 4 KiB copy into
 * the WAL, a checksum, and later a copy into the database file by the checkpointer, so they are what recording
 * metrics costs a creation beyond its own statements. `--drop-index NAME` (repeatable) drops an index first, to
 * see what it costs: on a throwaway database only, and the reports that read it are then slow.
 *
 * Submissions go through the app without a socket (Fastify's inject), one at a time; the WAL is checkpointed and
 * emptied before each batch and SQLite's automatic checkpoint is off, so the file's growth is the batch's
 * frames. Per batch it prints frames per creation and the CPU time per creation (load-dependent, for the record).
 *
 * The difference between an "on" and an "off" batch also holds chance: where other tables' leaf pages happen to
 * split moves by a page or more per creation from batch to batch. So each frame of an "on" batch is also traced
 * to the table or index its page belongs to (the frame header names the page, SQLite's dbstat table names the
 * page's owner), and the frames of the metrics' own tables and indexes (`ticket_metrics…`, `report_…`) are the
 * exact cost, printed beside the difference.
 *
 *   npm run bench:pages-written -- --amount 1000 --rounds 2
 *   npm run bench:pages-written -- --drop-index ticket_metrics_status
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { ensureCategories } from "../server/bootstrap.ts";
import { readConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { buildApp } from "../server/http/app.ts";
import { fail, intOption, median, table } from "./common.ts";
import { fakeSubmission, requesterPool, seededRandom } from "./fake-data.ts";
import { metricsSwitch } from "./metrics-switch.ts";

const usage = `Usage: node bench/write-pages.ts [options]

  --amount N           submissions per batch (default 1000)
  --rounds N           pairs of batches, metrics on and off, in alternating order (default 2)
  --warmup N           submissions first, metrics on, not counted (default 50)
  --drop-index NAME    drop this index before the run (repeatable)
  --seed N             random seed for the submissions (default 1)
`;

const { values } = parseArgs({
  options: {
    amount: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    "drop-index": { type: "string", multiple: true, default: [] },
    seed: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const amount = intOption("amount", values.amount, 1000);
const rounds = intOption("rounds", values.rounds, 2);
const warmup = intOption("warmup", values.warmup, 50, 0);
const random = seededRandom(intOption("seed", values.seed, 1));
const metricsOwned = /^(ticket_metrics|report_|sqlite_autoindex_(ticket_metrics|report_))/;

/**
 * How many of the WAL's frames belong to each table or index: a frame's header starts with its page number, and
 * dbstat tells which b-tree a page is in (page 1, the file header, is counted under sqlite_schema).
 */
async function framesByOwner(wal: string, pageSize: number): Promise<Map<string, number>> {
  const owners = new Map<number, string>();
  const { rows } = await sql<{ name: string; pageno: number }>`select name, pageno from dbstat`.execute(db);
  for (const row of rows) owners.set(row.pageno, row.name);
  const file = readFileSync(wal);
  const counts = new Map<string, number>();
  for (let at = 32; at + 24 + pageSize <= file.length; at += 24 + pageSize) {
    const owner = owners.get(file.readUInt32BE(at)) ?? "(free)";
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return counts;
}

const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-pages-"));
const config = readConfig({
  DATA_DIR: dataDir,
  HOST: "127.0.0.1",
  PORT: "0",
  RATE_LIMITING: "false",
  DEMO_DATA: "false",
  LOG_LEVEL: "silent",
});
const { db, engine } = openDatabase(config);
if (engine !== "sqlite") fail("Pages written are counted in SQLite's WAL: run without DATABASE_URL.");
try {
  await migrateToLatest(db, engine);
  await ensureCategories(db);
  for (const name of values["drop-index"]) {
    if (!/^[a-z0-9_]+$/.test(name)) fail(`--drop-index takes an index name, not ${name}.`);
    await sql`drop index ${sql.id(name)}`.execute(db);
  }
  const app = await buildApp({ db, engine, config });
  const metrics = metricsSwitch();
  const categoryIds = (await db.selectFrom("categories").select("id").execute()).map((row) => row.id);
  const requesters = requesterPool(3000, random);
  const submit = async (): Promise<void> => {
    const submission = fakeSubmission(random, requesters, categoryIds);
    const reply = await app.inject({ method: "POST", url: "/api/v1/tickets", payload: submission });
    if (reply.statusCode !== 201) fail(`A submission answered ${reply.statusCode}: ${reply.body}`);
  };

  metrics.on();
  for (let i = 0; i < warmup; i += 1) await submit();
  const [{ page_size: pageSize } = { page_size: 4096 }] = (
    await sql<{ page_size: number }>`pragma page_size`.execute(db)
  ).rows;
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  const wal = path.join(dataDir, "switchboard.db-wal");
  const results: Record<"on" | "off", { frames: number; cpu: number }[]> = { on: [], off: [] };
  const owned = new Map<string, number>();
  for (let round = 0; round < rounds; round += 1) {
    // Alternating which goes first, so neither always runs on the smaller database.
    for (const mode of round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      if (mode === "on") metrics.on();
      else metrics.off();
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      const before = statSync(wal).size;
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < amount; i += 1) await submit();
      const cpu = process.cpuUsage(cpuBefore);
      // A WAL file is a 32-byte header, then frames of a 24-byte header and a page each.
      const frames = (statSync(wal).size - Math.max(before, 32)) / (pageSize + 24);
      results[mode].push({ frames: frames / amount, cpu: (cpu.user + cpu.system) / 1000 / amount });
      if (mode === "on") {
        for (const [owner, count] of await framesByOwner(wal, pageSize)) {
          if (metricsOwned.test(owner)) owned.set(owner, (owned.get(owner) ?? 0) + count / amount / rounds);
        }
      }
    }
  }
  await app.close();
  const ownedTotal = [...owned.values()].reduce((sum, n) => sum + n, 0);

  const rows = (["off", "on"] as const).map((mode) => [
    `metrics ${mode}`,
    results[mode].map((r) => r.frames.toFixed(2)).join(", "),
    results[mode].map((r) => r.cpu.toFixed(2)).join(", "),
  ]);
  const framesOff = median(results.off.map((r) => r.frames));
  const framesOn = median(results.on.map((r) => r.frames));
  console.log(`${amount} submissions a batch, ${rounds} pairs, SQLite pages of ${pageSize} bytes`);
  if (values["drop-index"].length > 0) console.log(`dropped: ${values["drop-index"].join(", ")}`);
  console.log(table([["", "WAL frames per creation", "CPU ms per creation (load-dependent)"], ...rows]));
  console.log(
    `metrics add ${(framesOn - framesOff).toFixed(2)} frames per creation (${(((framesOn - framesOff) / framesOff) * 100).toFixed(1)}%); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `frames of the metrics' own tables and indexes in the "on" batches: ${ownedTotal.toFixed(2)} per creation (${((ownedTotal / framesOff) * 100).toFixed(1)}% of a creation without metrics)`,
  );
  console.log(
    table([
      ["table or index", "frames per creation"],
      ...[...owned.entries()].sort((a, b) => b[1] - a[1]).map(([owner, n]) => [owner, n.toFixed(2)]),
    ]),
  );
} finally {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
