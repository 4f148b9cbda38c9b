/**
 * How long the agent ticket list takes on a seeded database: the first page,
 * and a deep page reached through the keyset cursors, as an admin sees them.
 *
 *   npm run bench:list
 *   npm run bench:list -- --database-url postgres://postgres@127.0.0.1:5432/sb_bench
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { licencePermissions } from "../common/permissions.ts";
import type { UserActor } from "../server/core/actor.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { ticketScope } from "../server/tickets/policy.ts";
import { listTickets } from "../server/tickets/queries.ts";
import { count, fail, intOption, ms, percentile, table } from "./common.ts";

const usage = `Usage: node bench/list.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --runs N             timed runs per page (default 300)
  --warmup N           untimed runs first (default 20)
  --page N             the deep page, reached through cursors (default 50)
  --limit N            tickets per page (default 25, as the agent list)
  --sort ORDER         created (default) or updated, the list's two orders
`;

const admin: UserActor = {
  kind: "user",
  user: {
    id: "bench",
    email: "bench@switchboard.local",
    name: "Benchmark",
    licence: "admin",
    permissions: [...licencePermissions.admin],
  },
  sessionId: "bench",
  csrfToken: "bench",
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "data-dir": { type: "string", default: "./.tmp/bench-data" },
      runs: { type: "string" },
      warmup: { type: "string" },
      page: { type: "string" },
      limit: { type: "string" },
      sort: { type: "string", default: "created" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const runs = intOption("runs", values.runs, 300);
  const warmup = intOption("warmup", values.warmup, 20, 0);
  const deepPage = intOption("page", values.page, 50, 2);
  const limit = intOption("limit", values.limit, 25);
  if (limit > 100) fail("--limit is at most 100, like the API's.");
  const sort = values.sort;
  if (sort !== "created" && sort !== "updated") fail("--sort is created or updated.");

  const databaseUrl = values["database-url"];
  const sqliteFile = path.join(values["data-dir"], "switchboard.db");
  if (!databaseUrl && !existsSync(sqliteFile)) fail(`There is no ${sqliteFile}. Seed first: npm run bench:seed`);
  const { db, engine, location } = openDatabase({ databaseUrl, dataDir: values["data-dir"] });
  try {
    // A database seeded by an older version gets the indexes the list relies on now.
    await migrateToLatest(db, engine);
    const tickets = await db
      .selectFrom("tickets")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst()
      .catch(() => undefined);
    const total = Number(tickets?.n ?? 0);
    if (total === 0) fail(`No tickets in ${engine} (${location}). Seed first: npm run bench:seed`);

    const scope = ticketScope(admin);
    const page = (cursor: string | undefined) => listTickets(db, scope, { cursor, limit, sort });

    // The cursor for the deep page, as someone clicking "next" would get it.
    let cursor: string | undefined;
    for (let n = 1; n < deepPage; n += 1) {
      cursor = (await page(cursor)).nextCursor ?? fail(`There are fewer than ${deepPage} pages of ${limit} tickets.`);
    }
    const deepCursor = cursor;

    async function time(cursorForPage: string | undefined): Promise<number[]> {
      for (let i = 0; i < warmup; i += 1) await page(cursorForPage);
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const began = performance.now();
        const result = await page(cursorForPage);
        samples.push(performance.now() - began);
        if (result.tickets.length !== limit) fail(`A page came back with ${result.tickets.length} tickets.`);
      }
      return samples.sort((a, b) => a - b);
    }

    console.log(
      `listTickets as an admin, ${limit} per page, newest ${sort} first, on ${engine} (${location}) with ${count(total)} tickets: ` +
        `${runs} runs after ${warmup} warm-up runs`,
    );
    const first = await time(undefined);
    const deep = await time(deepCursor);
    const row = (label: string, s: number[]) => [
      label,
      ms(percentile(s, 50)),
      ms(percentile(s, 95)),
      ms(percentile(s, 99)),
      ms(s.at(-1) ?? Number.NaN),
    ];
    console.log(
      `\n${table([["ms", "p50", "p95", "p99", "max"], row("page 1", first), row(`page ${deepPage} (cursor)`, deep)])}`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
