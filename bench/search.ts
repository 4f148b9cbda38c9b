import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { licencePermissions } from "../common/permissions.ts";
import type { UserActor } from "../server/core/actor.ts";
import { listAgentTickets } from "../server/tickets/queues/queries.ts";
import { searchTickets } from "../server/tickets/search/queries.ts";
import { count, intOption, ms, openSeededDatabase, percentile, seededDatabaseOptions, table } from "./common.ts";

const usage = `Usage: node bench/search.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --runs N             timed runs per search (default 30)
  --warmup N           untimed runs first (default 3)
`;

const actor = (licence: "admin" | "customer"): UserActor => ({
  kind: "user",
  user: {
    id: `bench-${licence}`,
    email: `bench-${licence}@switchboard.local`,
    name: "Benchmark",
    licence,
    permissions: [...licencePermissions[licence]],
  },
  sessionId: "bench",
  csrfToken: "bench",
});

const searches: [label: string, q: string][] = [
  ["common word", "password"],
  ["prefix as typed", "pass"],
  ["two words", "shared drive"],
  ["phrase", '"monthly report"'],
  ["rare word", "reproduce"],
  ["no match", "zzqx"],
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: seededDatabaseOptions });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const runs = intOption("runs", values.runs, 30);
  const warmup = intOption("warmup", values.warmup, 3, 0);
  const { db, engine, location, total } = await openSeededDatabase(values);
  try {
    const comments = Number(
      (
        await db
          .selectFrom("ticket_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("type", "in", ["comment", "note"])
          .executeTakeFirstOrThrow()
      ).n,
    );

    async function time(run: () => Promise<unknown>): Promise<number[]> {
      for (let i = 0; i < warmup; i += 1) await run();
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const began = performance.now();
        await run();
        samples.push(performance.now() - began);
      }
      return samples.sort((a, b) => a - b);
    }
    const row = (label: string, s: number[], found: string) => [
      label,
      found,
      ms(percentile(s, 50)),
      ms(percentile(s, 95)),
      ms(s.at(-1) ?? Number.NaN),
    ];

    console.log(
      `Search on ${engine} (${location}) with ${count(total)} tickets and ${count(comments)} comments and notes: ` +
        `${runs} runs after ${warmup} warm-up runs; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
    const rows: string[][] = [["ms", "hits", "p50", "p95", "max"]];
    const now = new Date();
    for (const [label, q] of searches) {
      for (const who of ["admin", "customer"] as const) {
        const first = await searchTickets(db, engine, actor(who), { q, limit: 8 }, now);
        const samples = await time(() => searchTickets(db, engine, actor(who), { q, limit: 8 }, now));
        rows.push(row(`search "${q}" (${label}), ${who}`, samples, `${first.hits.length}${first.more ? "+" : ""}`));
      }
      const listQuery = { queue: "all", sort: "updated", direction: "desc", limit: 25, q } as const;
      const page = await listAgentTickets(db, actor("admin"), listQuery, now);
      const samples = await time(() => listAgentTickets(db, actor("admin"), listQuery, now));
      rows.push(row(`queue "all" q=${q}, admin`, samples, `${page.tickets.length}${page.nextCursor ? "+" : ""}`));
    }
    console.log(`\n${table(rows)}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
