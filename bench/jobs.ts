/**
 * The job runner under load: N due jobs (each a short simulated piece of work)
 * behind a backlog of jobs not yet due, drained by 1 and then 2 runners with
 * their own connection pools, as two app instances would. Prints jobs/s and
 * checks every job ran exactly once. PostgreSQL only: that is where several
 * instances share one queue.
 *
 *   node bench/jobs.ts --database-url postgres://postgres@127.0.0.1:5432/sb_jobs --jobs 2000 --backlog 50000
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openPostgres } from "../server/db/database.ts";
import { encodeJson } from "../server/db/engine.ts";
import { newId } from "../server/db/ids.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { createJobRunner } from "../server/jobs/runner.ts";
import { count, fail, intOption, table } from "./common.ts";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    jobs: { type: "string" },
    backlog: { type: "string" },
    "work-ms": { type: "string" },
    help: { type: "boolean" },
  },
});
if (values.help || !values["database-url"]) {
  console.log(
    "node bench/jobs.ts --database-url URL [--jobs 2000] [--backlog 50000] [--work-ms 2]\n" +
      "Use an empty scratch database: the script deletes every job in it.",
  );
  process.exit(values.help ? 0 : 1);
}
const url = values["database-url"];
const jobs = intOption("jobs", values.jobs, 2000);
const backlog = intOption("backlog", values.backlog, 50_000, 0);
const workMs = intOption("work-ms", values["work-ms"], 2, 0);

const setup = openPostgres(url, 4);
await migrateToLatest(setup.db, "postgres");

async function fill(): Promise<void> {
  await setup.db.deleteFrom("jobs").execute();
  const at = new Date();
  const rows = (n: number, runAt: string) =>
    Array.from({ length: n }, () => ({
      id: newId(),
      kind: "mail.send",
      payload: encodeJson({}),
      status: "pending" as const,
      attempts: 0,
      max_attempts: 3,
      run_at: runAt,
      created_at: at.toISOString(),
    }));
  const later = new Date(at.getTime() + 24 * 3600_000).toISOString();
  for (let i = 0; i < backlog; i += 1000)
    await setup.db
      .insertInto("jobs")
      .values(rows(Math.min(1000, backlog - i), later))
      .execute();
  for (let i = 0; i < jobs; i += 1000)
    await setup.db
      .insertInto("jobs")
      .values(rows(Math.min(1000, jobs - i), at.toISOString()))
      .execute();
  await sql`analyze jobs`.execute(setup.db);
}

async function drain(runnerCount: number): Promise<string[]> {
  await fill();
  const pools = Array.from({ length: runnerCount }, () => openPostgres(url, 2));
  const runners = pools.map(({ db }) =>
    createJobRunner({
      db,
      engine: "postgres",
      handlers: {
        "mail.send": async () => {
          await new Promise((resolve) => setTimeout(resolve, workMs));
        },
      },
    }),
  );
  const started = performance.now();
  const done = await Promise.all(runners.map((r) => r.runDue()));
  const seconds = (performance.now() - started) / 1000;
  // A job claimed twice would show more than one attempt.
  const twice = await setup.db.selectFrom("jobs").select("id").where("attempts", ">", 1).execute();
  const left = await setup.db
    .selectFrom("jobs")
    .select("id")
    .where("status", "!=", "done")
    .where("run_at", "<=", new Date().toISOString())
    .execute();
  for (const { db } of pools) await db.destroy();
  if (twice.length || left.length) fail(`${twice.length} jobs ran twice and ${left.length} due jobs were left.`);
  return [
    String(runnerCount),
    count(done.reduce((a, b) => a + b, 0)),
    done.map(count).join(" + "),
    seconds.toFixed(2),
    count(jobs / seconds),
  ];
}

const rows = [["runners", "jobs", "per runner", "seconds", "jobs/s"]];
rows.push(await drain(1));
rows.push(await drain(2));
console.log(`\n${count(jobs)} due jobs (${workMs} ms of work each) behind ${count(backlog)} not yet due\n`);
console.log(table(rows));
await setup.db.deleteFrom("jobs").execute();
await setup.db.destroy();
