import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { licencePermissions } from "../common/permissions.ts";
import { agentTicketListQuerySchema, builtinQueues } from "../common/queues.ts";
import type { UserActor } from "../server/core/actor.ts";
import { newId } from "../server/db/ids.ts";
import type { Database } from "../server/db/schema.ts";
import { listAgentTickets, queueOverview } from "../server/tickets/queues/queries.ts";
import {
  changeTicketsInSlices,
  count,
  intOption,
  ms,
  openSeededDatabase,
  percentile,
  seededDatabaseOptions,
  table,
} from "./common.ts";

const usage = `Usage: node bench/queues.ts [options]

  --database-url URL   PostgreSQL database seeded with bench:seed; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --runs N             timed runs per queue (default 100)
  --warmup N           untimed runs first (default 10)
`;

/** An agent and a group with them in it, made once per database (found by email and name on later runs). */
async function agentInGroup(db: Kysely<Database>, email: string, name: string, groupName: string, at: string) {
  let agentId = (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst())?.id;
  if (!agentId) {
    agentId = newId();
    await db
      .insertInto("users")
      .values({
        id: agentId,
        email,
        name,
        password_hash: null,
        licence: "agent",
        created_at: at,
        updated_at: at,
        disabled_at: null,
        email_confirmed_at: at,
      })
      .execute();
  }
  let groupId = (await db.selectFrom("groups").select("id").where("name", "=", groupName).executeTakeFirst())?.id;
  if (!groupId) {
    groupId = newId();
    await db.insertInto("groups").values({ id: groupId, name: groupName, created_at: at }).execute();
    await db.insertInto("group_members").values({ user_id: agentId, group_id: groupId }).execute();
  }
  return { agentId, groupId };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: seededDatabaseOptions });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const runs = intOption("runs", values.runs, 100);
  const warmup = intOption("warmup", values.warmup, 10, 0);
  const { db, engine, location, total } = await openSeededDatabase(values);
  try {
    // The agent and their group, made once; the spread is idempotent (the same tickets every run).
    const email = "bench.agent@switchboard.local";
    const at = new Date().toISOString();
    const { agentId, groupId } = await agentInGroup(db, email, "Bench Agent", "Bench group", at);
    // A second agent in a small group (one ticket in 10,000): where walking the list's order for their few
    // tickets was slow, and what reading their lists part by part is for.
    const smallEmail = "bench.small.agent@switchboard.local";
    const small = await agentInGroup(db, smallEmail, "Bench Small Agent", "Bench small group", at);
    const smallAgentId = small.agentId;
    const smallGroupId = small.groupId;
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    // A quarter assigned to the agent, half in their group, a tenth due an hour ago and a tenth due tomorrow.
    // Rows that already hold the value are left alone, and a due time is moved only when it no longer says what
    // it should (overdue, or due within the next two days), so a second run the same day changes nothing.
    await changeTicketsInSlices(db, engine, async (from, to) => {
      await sql`update tickets set assignee_id = ${agentId}
        where number between ${from} and ${to} and number % 4 = 0 and assignee_id is distinct from ${agentId}`.execute(
        db,
      );
      await sql`update tickets set group_id = ${groupId}
        where number between ${from} and ${to} and number % 2 = 0 and group_id is distinct from ${groupId}`.execute(db);
      await sql`update tickets set group_id = ${smallGroupId}
        where number between ${from} and ${to} and number % 10000 = 1 and group_id is distinct from ${smallGroupId}`.execute(
        db,
      );
      await sql`update tickets set due_at = ${hourAgo} where number between ${from} and ${to} and number % 10 = 1
        and (due_at is null or due_at > ${at})`.execute(db);
      await sql`update tickets set due_at = ${tomorrow} where number between ${from} and ${to} and number % 10 = 2
        and (due_at is null or due_at <= ${at} or due_at > ${inTwoDays})`.execute(db);
    });

    // Works only their groups' tickets: the scope the workspace is slowest with.
    const agent: UserActor = {
      kind: "user",
      user: {
        id: agentId,
        email,
        name: "Bench Agent",
        licence: "agent",
        permissions: licencePermissions.agent.filter((p) => p !== "tickets.view_all"),
      },
      sessionId: "bench",
      csrfToken: "bench",
    };
    const allTickets: UserActor = { ...agent, user: { ...agent.user, permissions: [...licencePermissions.agent] } };
    const smallGroupAgent: UserActor = {
      ...agent,
      user: { ...agent.user, id: smallAgentId, email: smallEmail, name: "Bench Small Agent" },
    };
    // Sees every ticket and is in no group: My groups is empty for them.
    const noGroups: UserActor = { ...allTickets, user: { ...allTickets.user, id: newId(), email: "nobody@bench" } };

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
    const row = (label: string, s: number[]) => [
      label,
      ms(percentile(s, 50)),
      ms(percentile(s, 95)),
      ms(percentile(s, 99)),
      ms(s.at(-1) ?? Number.NaN),
    ];

    console.log(
      `Agent queues on ${engine} (${location}) with ${count(total)} tickets: ${runs} runs after ${warmup} warm-up runs`,
    );
    for (const [who, actor] of [
      ["a group agent", agent],
      ["an agent who sees every ticket", allTickets],
      ["a group agent in a small group (1 ticket in 10,000)", smallGroupAgent],
      ["an agent who sees every ticket and is in no group", noGroups],
    ] as const) {
      const rows: string[][] = [["ms", "p50", "p95", "p99", "max"]];
      for (const queue of builtinQueues) {
        const query = agentTicketListQuerySchema.parse({ queue });
        rows.push(row(`${queue}: first page`, await time(() => listAgentTickets(db, actor, query, new Date()))));
      }
      const priority = agentTicketListQuerySchema.parse({ queue: "all", sort: "priority" });
      rows.push(row("all by priority", await time(() => listAgentTickets(db, actor, priority, new Date()))));
      const mostOverdue = agentTicketListQuerySchema.parse({ queue: "overdue", sort: "due", direction: "asc" });
      rows.push(
        row("overdue, most overdue first", await time(() => listAgentTickets(db, actor, mostOverdue, new Date()))),
      );
      rows.push(row("sidebar (every count)", await time(() => queueOverview(db, actor, new Date()))));
      console.log(`\nAs ${who}:\n${table(rows)}`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
