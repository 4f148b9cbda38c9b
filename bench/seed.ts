/**
 * Fills a Switchboard database with many tickets, fast: batched multi-row
 * inserts of tickets and their "created" events, one transaction per batch.
 *
 *   npm run bench:seed -- --tickets 100000
 *   npm run bench:seed -- --tickets 100000 --database-url postgres://postgres@127.0.0.1:5432/sb_bench
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import type { StatusCategory } from "../common/tickets.ts";
import { ensureCategories } from "../server/bootstrap.ts";
import { openDatabase } from "../server/db/database.ts";
import { encodeJson } from "../server/db/engine.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import type { NewTicket, NewTicketEvent } from "../server/db/schema.ts";
import { deferSearchIndexes, insertBatch, nextNumber, reserveNumbers } from "./bulk-insert.ts";
import { count, fail, intOption } from "./common.ts";
import {
  fakeMessage,
  fakePriority,
  fakeSubject,
  pick,
  pickWeighted,
  type Random,
  requesterPool,
  seededRandom,
} from "./fake-data.ts";
import { ensureBenchTeams, ticketHistory } from "./history.ts";

const usage = `Usage: node bench/seed.ts [options]

  --tickets N          tickets to add (default 100000)
  --database-url URL   PostgreSQL database; without it, SQLite in --data-dir
  --data-dir DIR       SQLite data folder (default ./.tmp/bench-data)
  --batch N            tickets per transaction (default 1000)
  --requesters N       size of the requester pool (default 3000)
  --seed N             random seed, for repeatable data (default 1)
  --append             add to a database that already has tickets
  --comments N         comments per ticket on average, a fifth of them internal notes (default 0); the
                       search index's triggers index each one, as they do for the app
  --history            give each ticket a team, an agent, a channel, due times, a first reply and the
                       status changes (and some ratings) behind its status, for reports; then run
                       npm run cli -- metrics:backfill to record their metrics
`;

const day = 24 * 60 * 60 * 1000;

/** Old tickets are mostly done, recent ones mostly still being worked on. */
function statusWeights(ageDays: number): [StatusCategory, number][] {
  if (ageDays < 7) {
    return [
      ["new", 30],
      ["open", 35],
      ["pending", 15],
      ["on_hold", 5],
      ["solved", 12],
      ["cancelled", 3],
    ];
  }
  if (ageDays < 30) {
    return [
      ["new", 5],
      ["open", 20],
      ["pending", 15],
      ["on_hold", 5],
      ["solved", 40],
      ["closed", 10],
      ["cancelled", 5],
    ];
  }
  return [
    ["new", 0.5],
    ["open", 2],
    ["pending", 2],
    ["on_hold", 1],
    ["solved", 15],
    ["closed", 75],
    ["cancelled", 4.5],
  ];
}

/**
 * UUIDv7 ids for a given past time, in the layout of server/db/ids.ts. That module keeps ids rising with
 * the process's clock, so after migrations have made ids "now", every older time would be moved to now;
 * this generator keeps its own order, so seeded ids sort like created_at, as real tickets' ids do.
 */
function idsAt(): (ms: number) => string {
  let lastMs = -1;
  let sequence = 0;
  return (at) => {
    let ms = at;
    if (ms <= lastMs) {
      ms = lastMs;
      sequence += 1;
      if (sequence > 0xfff) {
        ms += 1;
        sequence = 0;
      }
    } else {
      sequence = 0;
    }
    lastMs = ms;
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f);
    bytes[7] = sequence & 0xff;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tickets: { type: "string" },
      "database-url": { type: "string" },
      "data-dir": { type: "string", default: "./.tmp/bench-data" },
      batch: { type: "string" },
      requesters: { type: "string" },
      seed: { type: "string" },
      append: { type: "boolean", default: false },
      comments: { type: "string" },
      history: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const total = intOption("tickets", values.tickets, 100_000);
  const batch = intOption("batch", values.batch, 1000);
  const requesterCount = intOption("requesters", values.requesters, 3000);
  const commentsPerTicket = intOption("comments", values.comments, 0, 0);
  const random: Random = seededRandom(intOption("seed", values.seed, 1, 0));
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail("--database-url must start with postgres:// or postgresql://.");
  }

  const startedAt = performance.now();
  const { db, engine, location } = openDatabase({ databaseUrl, dataDir: values["data-dir"] });
  try {
    console.log(`Seeding ${count(total)} tickets into ${engine} (${location}), ${count(batch)} per transaction`);
    await migrateToLatest(db, engine);
    await ensureCategories(db);

    const existing = await db
      .selectFrom("tickets")
      .select([(eb) => eb.fn.countAll<number>().as("tickets"), (eb) => eb.fn.max("created_at").as("newest")])
      .executeTakeFirstOrThrow();
    const existingTickets = Number(existing.tickets);
    if (existingTickets > 0 && !values.append) {
      fail(
        `This database already has ${count(existingTickets)} tickets (${location}).\n` +
          "Seed into an empty database, or pass --append to add to it.",
      );
    }

    const statuses = await db.selectFrom("statuses").select(["id", "category"]).execute();
    const categories = await db.selectFrom("categories").select("id").execute();
    const generalType = await db
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "general")
      .executeTakeFirstOrThrow();
    const statusesByCategory = new Map<StatusCategory, string[]>();
    for (const status of statuses) {
      statusesByCategory.set(status.category, [...(statusesByCategory.get(status.category) ?? []), status.id]);
    }
    const categoryIds = categories.map((c) => c.id);
    const teams = values.history ? await ensureBenchTeams(db) : [];
    const historyIdAt = idsAt();
    const anyStatus = statuses[0]?.id ?? fail("No statuses in the database.");
    const statusOf = (category: StatusCategory) => statusesByCategory.get(category)?.[0] ?? anyStatus;
    const requesters = requesterPool(requesterCount, random);

    // Reserve the whole range of numbers up front, as the app takes one: the app keeps numbering after it,
    // and an interrupted seed only leaves a gap.
    const firstNumber = await reserveNumbers(db, engine, total);
    const lastNumber = firstNumber + total - 1;

    // created_at rises with the number: evenly spread over the last 365 days (after the newest existing ticket
    // when appending), with jitter smaller than the spacing so the order holds.
    // At least a millisecond apart, so appending right after a seed may run a little into the future.
    const end = Date.now();
    const newest = existing.newest ? Date.parse(String(existing.newest)) : Number.NaN;
    const start = Math.max(end - 365 * day, Number.isNaN(newest) ? 0 : newest + 1);
    const spacing = Math.max((end - start) / total, 1);

    // Building the search indexes once at the end beats growing them row by row, unless the seed only
    // adds a little to a big database.
    const rebuildIndexes = total >= existingTickets ? await deferSearchIndexes(db, engine) : undefined;
    let indexSeconds = 0;
    const idAt = idsAt();
    const began = performance.now();
    let lastReport = began;
    let analyzedAt = Math.max(existingTickets, 1000);
    let written = 0;
    let eventsWritten = 0;
    try {
      while (written < total) {
        const size = Math.min(batch, total - written);
        const tickets: NewTicket[] = [];
        const events: NewTicketEvent[] = [];
        for (let i = 0; i < size; i += 1) {
          const index = written + i;
          const createdMs = Math.floor(start + (index + random() * 0.9) * spacing);
          const ageDays = (end - createdMs) / day;
          const statusCategory = pickWeighted(
            random,
            statusWeights(ageDays).filter(([category]) => statusesByCategory.has(category)),
          );
          const statusId = pick(random, statusesByCategory.get(statusCategory) ?? []);
          const touched = statusCategory === "new" ? 0 : random() * Math.min(ageDays, 14) * day;
          const createdAt = new Date(createdMs).toISOString();
          const updatedAt = new Date(Math.max(createdMs, Math.min(end, createdMs + touched))).toISOString();
          const requester = pick(random, requesters);
          const subject = fakeSubject(random);
          const priority = fakePriority(random);
          const categoryId = pick(random, categoryIds);
          const id = idAt(createdMs);
          const ticket: NewTicket = {
            id,
            number: firstNumber + index,
            subject,
            message: fakeMessage(random, requester.name),
            message_format: "text",
            priority,
            category_id: categoryId,
            service_id: null,
            ticket_type_id: generalType.id,
            group_id: null,
            status_id: statusId,
            requester_email: requester.email,
            requester_name: requester.name,
            requester_id: null,
            organization_id: null,
            // Like the lifecycle: set when a ticket is solved and kept when it is then closed.
            solved_at: statusCategory === "solved" || statusCategory === "closed" ? updatedAt : null,
            follow_up_of: null,
            created_at: createdAt,
            updated_at: updatedAt,
          };
          tickets.push(ticket);
          events.push({
            id: idAt(createdMs),
            ticket_id: id,
            type: "created",
            actor_id: null,
            actor_name: requester.name,
            visibility: "public",
            payload: encodeJson({ subject, priority, categoryId }),
            created_at: createdAt,
          });
          // Comments spread evenly between 0 and twice the average, each a minute after the one before.
          const comments = Math.round(random() * 2 * commentsPerTicket);
          for (let c = 0; c < comments; c += 1) {
            const internal = random() < 0.2;
            events.push({
              id: idAt(createdMs + (c + 1) * 60_000),
              ticket_id: id,
              type: internal ? "note" : "comment",
              actor_id: null,
              actor_name: internal ? "Agent" : requester.name,
              visibility: internal ? "internal" : "public",
              payload: encodeJson({
                body: fakeMessage(random, requester.name),
                format: "text",
                kind: internal ? "note" : "public",
              }),
              created_at: new Date(createdMs + (c + 1) * 60_000).toISOString(),
            });
          }
          if (values.history) {
            events.push(...ticketHistory(random, ticket, statusCategory, statusOf, teams, historyIdAt, end));
          }
        }
        await insertBatch(db, engine, tickets, events);
        written += size;
        // Where autovacuum is off (CI's PostgreSQL is), the statistics still describe the tables as they
        // were before the seed, and the search refresh's plans went from milliseconds to minutes per batch
        // on a 1M append. Refreshing them each time the tickets double keeps the plans sane for little cost.
        if (engine === "postgres" && existingTickets + written >= analyzedAt * 2) {
          await sql`analyze tickets, ticket_events, ticket_search`.execute(db);
          analyzedAt = existingTickets + written;
        }
        eventsWritten += events.length;
        const at = performance.now();
        if (at - lastReport > 2000 || written === total) {
          lastReport = at;
          const seconds = (at - began) / 1000;
          process.stderr.write(
            `  ${count(written)} / ${count(total)} tickets, ${count(written / seconds)} tickets/s\n`,
          );
        }
      }
    } finally {
      if (rebuildIndexes) {
        const indexBegan = performance.now();
        process.stderr.write("  building the search indexes…\n");
        await rebuildIndexes();
        indexSeconds = (performance.now() - indexBegan) / 1000;
      }
    }
    const insertSeconds = (performance.now() - began) / 1000 - indexSeconds;

    // PostgreSQL's autovacuum would analyze the new rows within a minute anyway; doing it now means the
    // list benchmark right after sees the plans a running help desk gets. SQLite has no automatic
    // statistics and the app never runs ANALYZE, so it is left as the app leaves it.
    let analyzeSeconds = 0;
    if (engine === "postgres") {
      const analyzeBegan = performance.now();
      await sql`analyze tickets, ticket_events, ticket_search`.execute(db);
      analyzeSeconds = (performance.now() - analyzeBegan) / 1000;
    }

    const next = await nextNumber(db, engine);
    const rows = total + eventsWritten;
    console.log(
      [
        "",
        `Inserted ${count(total)} tickets (#${firstNumber}–#${lastNumber}) and ${count(eventsWritten)} events`,
        `  insert time: ${insertSeconds.toFixed(1)} s`,
        `  rows/s:      ${count(rows / insertSeconds)} (tickets + events), ${count(total / insertSeconds)} tickets/s`,
        indexSeconds ? `  index build: ${indexSeconds.toFixed(1)} s (search indexes, after the inserts)` : "",
        engine === "postgres" ? `  analyze:     ${analyzeSeconds.toFixed(1)} s` : "",
        `  total time:  ${((performance.now() - startedAt) / 1000).toFixed(1)} s (with migrations and checks)`,
        `  tickets in database: ${count(existingTickets + total)}; next ticket number: ${next}`,
      ]
        .filter(Boolean)
        .join("\n"),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error);
  process.exit(1);
});
