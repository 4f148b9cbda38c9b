/**
 * The queue sidebar (GET /api/v1/agent/queues) on a database seeded by bench:seed, over HTTP as an admin and as
 * a group agent, and side by side in this process: the counters (queueOverview) against the scan it replaced
 * (every queue counted over tickets, capped at 999, as before migration 0027). Over HTTP too, as each of them:
 * every built-in queue's first page as the workspace asks for it, and the global search for a common word and
 * for one that matches nothing (issue #16's pages). Ends with the process's peak RSS.
 *
 *   npm run bench:counts -- --data-dir ./.tmp/bench-data
 *   npm run bench:counts -- --database-url postgres://postgres@127.0.0.1:5432/sb_bench
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { builtinQueues, countCap } from "../common/queues.ts";
import { createUser } from "../server/accounts/commands/create-user.ts";
import { toSessionUser } from "../server/accounts/queries.ts";
import { readConfig } from "../server/config.ts";
import type { UserActor } from "../server/core/actor.ts";
import { newId } from "../server/db/ids.ts";
import type { Database } from "../server/db/schema.ts";
import { buildApp } from "../server/http/app.ts";
import { ticketScope } from "../server/tickets/policy.ts";
import { queueCondition } from "../server/tickets/queues/filters.ts";
import { queueOverview } from "../server/tickets/queues/queries.ts";
import {
  changeTicketsInSlices,
  count,
  intOption,
  ms,
  openSeededDatabase,
  peakRssMb,
  percentile,
  seededDatabaseOptions,
  table,
} from "./common.ts";

const usage = `Usage: node bench/counts.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --runs N             timed runs of each (default 50)
  --warmup N           untimed runs first (default 5)
  --share N            when the group is made: one ticket in N goes to it, one in 2N to its agent (default 5)

Adds two users (an admin and a group agent) and, once, spreads the tickets over a group and an assignee.
`;

const password = "bench counts password";

/** A user made once per database; the same on every run. */
async function benchUser(db: Kysely<Database>, email: string, licence: "admin" | "agent") {
  const found = await db
    .selectFrom("users")
    .select(["id", "email", "name", "licence"])
    .where("email", "=", email)
    .executeTakeFirst();
  return found ?? (await createUser(db, { email, name: email.split("@")[0] ?? email, password, licence }));
}

/** The sidebar as it was counted before the counters: each queue over tickets in the actor's scope, capped. */
async function scanOverview(db: Kysely<Database>, actor: UserActor, now: Date) {
  return Promise.all(
    builtinQueues.map(async (queue) => {
      const condition = queueCondition(queue, actor, now);
      const matching = db
        .selectFrom("tickets")
        .innerJoin("statuses", "statuses.id", "tickets.status_id")
        .where(ticketScope(actor))
        .where((eb) => condition(eb))
        .select("tickets.id")
        .limit(countCap + 1);
      const row = await db
        .selectFrom(matching.as("matching"))
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ...seededDatabaseOptions, share: { type: "string" } } });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const runs = intOption("runs", values.runs, 50);
  const share = intOption("share", values.share, 5, 2);
  const warmup = intOption("warmup", values.warmup, 5, 0);
  const { db, engine, location, total } = await openSeededDatabase(values);
  const config = readConfig({
    DATA_DIR: values["data-dir"],
    DATABASE_URL: values["database-url"],
    RATE_LIMITING: "false",
    DEMO_DATA: "false",
    LOG_LEVEL: "silent",
  });
  const app = await buildApp({ db, engine, config });
  try {
    const admin = await benchUser(db, "bench.counts.admin@switchboard.local", "admin");
    const member = await benchUser(db, "bench.counts.member@switchboard.local", "agent");
    let groupId = (
      await db.selectFrom("groups").select("id").where("name", "=", "Bench counts group").executeTakeFirst()
    )?.id;
    if (!groupId) {
      groupId = newId();
      const at = new Date().toISOString();
      await db.insertInto("groups").values({ id: groupId, name: "Bench counts group", created_at: at }).execute();
      await db.insertInto("group_members").values({ user_id: member.id, group_id: groupId }).execute();
      const role = await db.selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
      await db.deleteFrom("user_roles").where("user_id", "=", member.id).execute();
      await db.insertInto("user_roles").values({ user_id: member.id, role_id: role.id }).execute();
      // One ticket in `share` (a fifth by default) in the group, one in twice that assigned to the group agent
      // (the triggers count them).
      await changeTicketsInSlices(db, engine, async (from, to) => {
        await sql`update tickets set group_id = ${groupId}
          where number between ${from} and ${to} and number % ${share} = 0`.execute(db);
        await sql`update tickets set assignee_id = ${member.id}
          where number between ${from} and ${to} and number % ${2 * share} = 3`.execute(db);
      });
    }

    // The spread above rewrote the same few counter rows thousands of times; PostgreSQL would read past those
    // dead row versions (megabytes for a hundred rows) until the table is compacted, as docs/operations.md says to
    // do after a mass update. Milliseconds for a table this small.
    if (engine === "postgres") await sql`vacuum (full, analyze) ticket_counts`.execute(db);

    const signIn = async (email: string) => {
      const response = await app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`Signing in ${email} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === "sb_session");
      return `sb_session=${cookie?.value ?? ""}`;
    };
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (typeof address !== "object" || address === null) throw new Error("The app did not report its port.");
    const sidebarUrl = `http://127.0.0.1:${address.port}/api/v1/agent/queues`;
    const overHttp =
      (cookie: string, url = sidebarUrl) =>
      async () => {
        const response = await fetch(url, { headers: { cookie } });
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        return response.json();
      };
    const base = `http://127.0.0.1:${address.port}`;
    const actorOf = async (user: Pick<UserActor["user"], "id" | "email" | "name" | "licence">): Promise<UserActor> => ({
      kind: "user",
      user: await toSessionUser(db, user),
      sessionId: null,
      csrfToken: null,
    });

    const measured: [string, () => Promise<unknown>][] = [];
    for (const [who, user] of [
      ["admin", admin],
      ["group agent", member],
    ] as const) {
      const actor = await actorOf(user);
      const cookie = await signIn(user.email);
      measured.push(
        [`${who}: sidebar over HTTP (counters)`, overHttp(cookie)],
        [`${who}: counters, in process`, () => queueOverview(db, actor, new Date())],
        [`${who}: scan (before 0027), in process`, () => scanOverview(db, actor, new Date())],
        ...builtinQueues.map((queue): [string, () => Promise<unknown>] => [
          `${who}: ${queue}, first page over HTTP`,
          overHttp(cookie, `${base}/api/v1/agent/tickets?queue=${queue}`),
        ]),
        [`${who}: search "password" over HTTP`, overHttp(cookie, `${base}/api/v1/search?q=password`)],
        [`${who}: search "zzqx" (no match) over HTTP`, overHttp(cookie, `${base}/api/v1/search?q=zzqx`)],
      );
    }
    // Round-robin, so every variant sees the same machine load.
    const samples = measured.map(() => [] as number[]);
    // A request the server refused (a 503 when a read ran past its time budget) is counted, not timed.
    const refused = measured.map(() => 0);
    for (let i = 0; i < warmup + runs; i += 1) {
      for (const [j, [, run]] of measured.entries()) {
        const began = performance.now();
        try {
          await run();
        } catch (error) {
          if (i >= warmup) refused[j] = (refused[j] ?? 0) + 1;
          if (!String(error).includes("answered")) throw error;
          continue;
        }
        if (i >= warmup) samples[j]?.push(performance.now() - began);
      }
    }
    const rows = [["ms", "p50", "p95", "p99", "max", "refused"]];
    for (const [j, [label]] of measured.entries()) {
      const s = (samples[j] ?? []).sort((a, b) => a - b);
      rows.push([
        label,
        ms(percentile(s, 50)),
        ms(percentile(s, 95)),
        ms(percentile(s, 99)),
        ms(s.at(-1) ?? Number.NaN),
        String(refused[j] ?? 0),
      ]);
    }
    const counters = Number(
      (
        await db
          .selectFrom("ticket_counts")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(
      `Queue sidebar on ${engine} (${location}), ${count(total)} tickets, ${count(counters)} counter rows: ` +
        `${runs} runs after ${warmup} warm-up runs, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}\n`,
    );
    console.log(table(rows));
    console.log(`\nPeak RSS of this process (the app and the benchmark's client): ${peakRssMb(process.pid)} MB`);
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
