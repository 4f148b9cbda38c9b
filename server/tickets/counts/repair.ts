/**
 * `counters:repair`: recounts the tickets and rewrites `ticket_counts` from
 * the recount, reporting every counter that was wrong. The triggers keep the
 * counters exact, so this is for a database restored or edited around them
 * (a bulk load with triggers off, a hand-edited counter).
 */
import { type Kysely, sql } from "kysely";
import type { Priority } from "../../../common/tickets.ts";
import { engineOf } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";

/** One counter that did not match the tickets, in words a person can check (status key, group name, email). */
export type CounterDifference = {
  status: string;
  group: string | null;
  assignee: string | null;
  priority: Priority;
  counted: number;
  actual: number;
};

type Row = { status_id: string; group_key: string; assignee_key: string; priority: Priority; n: number | string };
type Wrong = { row: Row; counted: number; actual: number };
const keyOf = (r: Row) => [r.status_id, r.group_key, r.assignee_key, r.priority].join("\u0000");

/** Every counter that differs from a recount of the tickets (read only; exact in a transaction that holds them still). */
export async function counterDifferences(db: Kysely<Database>): Promise<CounterDifference[]> {
  return inWords(db, await compare(db));
}

async function compare(db: Kysely<Database>): Promise<Wrong[]> {
  const actual = await db
    .selectFrom("tickets")
    .select((eb) => [
      "status_id",
      eb.fn.coalesce("group_id", eb.val("")).as("group_key"),
      eb.fn.coalesce("assignee_id", eb.val("")).as("assignee_key"),
      "priority",
      eb.fn.countAll<number>().as("n"),
    ])
    // Deleted tickets (waiting to be purged) are in no count (migration 0040).
    .where("deleted_at", "is", null)
    .groupBy(["status_id", "group_id", "assignee_id", "priority"])
    .execute();
  const counted = await db
    .selectFrom("ticket_counts")
    .select((eb) => ["status_id", "group_key", "assignee_key", "priority", eb.fn.sum<number>("tickets").as("n")])
    .groupBy(["status_id", "group_key", "assignee_key", "priority"])
    .execute();
  const wrong = new Map<string, Wrong>();
  for (const row of counted) {
    if (Number(row.n) !== 0) wrong.set(keyOf(row), { row, counted: Number(row.n), actual: 0 });
  }
  for (const row of actual) {
    const entry = wrong.get(keyOf(row));
    if (entry && entry.counted === Number(row.n)) wrong.delete(keyOf(row));
    else wrong.set(keyOf(row), { row, counted: entry?.counted ?? 0, actual: Number(row.n) });
  }
  return [...wrong.values()];
}

export async function repairTicketCounts(db: Kysely<Database>): Promise<CounterDifference[]> {
  return db.transaction().execute(async (trx) => {
    // No ticket may change between the recount and the rewrite; readers go on (SQLite writes one at a time anyway).
    if (engineOf(db) === "postgres") await sql`lock table tickets in share mode`.execute(trx);
    const wrong = await compare(trx);
    // Rewritten whole even when nothing was wrong: it also folds PostgreSQL's per-connection shards and empty rows.
    await trx.deleteFrom("ticket_counts").execute();
    await trx
      .insertInto("ticket_counts")
      .columns(["status_id", "group_key", "assignee_key", "priority", "shard", "tickets"])
      .expression(
        trx
          .selectFrom("tickets")
          .select((eb) => [
            "status_id",
            eb.fn.coalesce("group_id", eb.val("")).as("group_key"),
            eb.fn.coalesce("assignee_id", eb.val("")).as("assignee_key"),
            "priority",
            eb.lit(0).as("shard"),
            eb.fn.countAll<number>().as("tickets"),
          ])
          .where("deleted_at", "is", null)
          .groupBy(["status_id", "group_id", "assignee_id", "priority"]),
      )
      .execute();
    return inWords(trx, wrong);
  });
}

async function inWords(db: Kysely<Database>, wrong: Wrong[]): Promise<CounterDifference[]> {
  if (wrong.length === 0) return [];
  const assigneeIds = [...new Set(wrong.map((w) => w.row.assignee_key).filter((id) => id !== ""))];
  const [statuses, groups, users] = await Promise.all([
    db.selectFrom("statuses").select(["id", "key"]).execute(),
    db.selectFrom("groups").select(["id", "name"]).execute(),
    assigneeIds.length ? db.selectFrom("users").select(["id", "email"]).where("id", "in", assigneeIds).execute() : [],
  ]);
  const statusKeys = new Map(statuses.map((s) => [s.id, s.key]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return wrong.map(({ row, counted, actual }) => ({
    status: statusKeys.get(row.status_id) ?? row.status_id,
    group: row.group_key ? (groupNames.get(row.group_key) ?? row.group_key) : null,
    assignee: row.assignee_key ? (emails.get(row.assignee_key) ?? row.assignee_key) : null,
    priority: row.priority,
    counted,
    actual,
  }));
}
