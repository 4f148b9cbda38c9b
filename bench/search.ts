import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { effectivePermissions, licencePermissions } from "../common/permissions.ts";
import type { UserActor } from "../server/core/actor.ts";
import type { Database } from "../server/db/schema.ts";
import { listAgentTickets } from "../server/tickets/queues/queries.ts";
import { rankedAtMost, searchTickets } from "../server/tickets/search/queries.ts";
import { count, intOption, ms, openSeededDatabase, percentile, seededDatabaseOptions, table } from "./common.ts";

const usage = `Usage: node bench/search.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --runs N             timed runs per search (default 30)
  --warmup N           untimed runs first (default 3)
  --compare            also time each search ranking every match (as before the ranking window), side by side
  --no-queue           skip the "all" queue's search filter

Searches as an admin, a customer without tickets and, when the database was seeded with --history, a
group agent of the first bench team (the group_agent role's permissions).
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

/** A member of the first bench team with the group agent role: sees that team's tickets only. */
async function groupAgent(db: Kysely<Database>): Promise<UserActor | null> {
  const member = await db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "=", "bench.team1.agent1@switchboard.local")
    .executeTakeFirst();
  const role = await db.selectFrom("roles").select("permissions").where("key", "=", "group_agent").executeTakeFirst();
  if (!member || !role) return null;
  const granted: unknown = typeof role.permissions === "string" ? JSON.parse(role.permissions) : role.permissions;
  return {
    kind: "user",
    user: { ...member, licence: "agent", permissions: effectivePermissions("agent", granted as string[]) },
    sessionId: "bench",
    csrfToken: "bench",
  };
}

const searches: [label: string, q: string][] = [
  ["common word", "password"],
  ["prefix as typed", "pass"],
  ["two words", "shared drive"],
  ["phrase", '"monthly report"'],
  ["rare word", "reproduce"],
  ["no match", "zzqx"],
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...seededDatabaseOptions,
      compare: { type: "boolean", default: false },
      "no-queue": { type: "boolean", default: false },
    },
  });
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
    const compare = values.compare;
    const rows: string[][] = [
      compare
        ? [
            "ms",
            "hits",
            `after (≤ ${rankedAtMost} ranked): p50`,
            "p95",
            "max",
            "before (every match ranked): p50",
            "p95",
            "max",
          ]
        : ["ms", "hits", "p50", "p95", "max"],
    ];
    const now = new Date();
    const searchers: [string, UserActor][] = [
      ["admin", actor("admin")],
      ["customer", actor("customer")],
    ];
    const member = await groupAgent(db);
    if (member) searchers.splice(1, 0, ["group agent", member]);
    for (const [label, q] of searches) {
      for (const [who, searcher] of searchers) {
        const first = await searchTickets(db, engine, searcher, { q, limit: 8 }, now);
        const found = `${first.hits.length}${first.more ? "+" : ""}`;
        const windowed = await time(() => searchTickets(db, engine, searcher, { q, limit: 8 }, now));
        const line = row(`search "${q}" (${label}), ${who}`, windowed, found);
        if (compare) {
          // The same search ranking every match: what it did before the window (one statement, no floor).
          const every = await time(() =>
            searchTickets(db, engine, searcher, { q, limit: 8 }, now, Number.POSITIVE_INFINITY),
          );
          line.push(ms(percentile(every, 50)), ms(percentile(every, 95)), ms(every.at(-1) ?? Number.NaN));
        }
        rows.push(line);
      }
      if (values["no-queue"]) continue;
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
