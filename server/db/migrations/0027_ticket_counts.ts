import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * The sidebar counted its queues by scanning tickets (seconds at a million).
 * `ticket_counts` holds how many tickets there are per status × group ×
 * assignee × priority, kept by triggers on `tickets` in the same transaction
 * as the change, so every writer (forms, mail, bulk edits, merges, macros,
 * automation, jobs, a hand-run UPDATE) keeps it exact without code of its own.
 * No group or no assignee is the empty string, so the key can be a primary key.
 *
 * `shard` only matters on PostgreSQL: a connection adds to rows of its own
 * shard (claimed with a session advisory lock, see `ticket_counts_shard`), so
 * concurrent creates never wait on one another's counter row and cannot
 * deadlock over it. Readers sum the shards. SQLite writes one at a time and
 * uses shard 0.
 *
 * Also an index on `solved_at` for the "Recently solved" count, which depends
 * on the time and is counted from tickets, bounded (docs/agent-workspace.md).
 */
export function ticketCounts(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("ticket_counts")
        .addColumn("status_id", "text", (c) => c.notNull())
        .addColumn("group_key", "text", (c) => c.notNull())
        .addColumn("assignee_key", "text", (c) => c.notNull())
        .addColumn("priority", "text", (c) => c.notNull())
        .addColumn("shard", "integer", (c) => c.notNull())
        .addColumn("tickets", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("ticket_counts_pk", ["status_id", "group_key", "assignee_key", "priority", "shard"])
        .execute();
      await sql`insert into ticket_counts (status_id, group_key, assignee_key, priority, shard, tickets)
                select status_id, coalesce(group_id, ''), coalesce(assignee_id, ''), priority, 0, count(*)
                from tickets group by status_id, coalesce(group_id, ''), coalesce(assignee_id, ''), priority`.execute(
        db,
      );
      if (engine === "sqlite") await sqliteTriggers(db);
      else await postgresTriggers(db);
      // With the status, the walk reads the index alone (the category comes from the small statuses table).
      await sql`create index tickets_solved on tickets (solved_at, status_id) where solved_at is not null`.execute(db);
    },
  };
}

const keyColumns = "status_id, group_key, assignee_key, priority, shard";
const changed = (distinct: string) =>
  ["status_id", "group_id", "assignee_id", "priority"].map((c) => `old.${c} ${distinct} new.${c}`).join(" or ");

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = (row: "new" | "old", delta: 1 | -1) =>
    `insert into ticket_counts (${keyColumns}, tickets)
     values (${row}.status_id, coalesce(${row}.group_id, ''), coalesce(${row}.assignee_id, ''), ${row}.priority, 0, ${delta})
     on conflict (${keyColumns}) do update set tickets = tickets + excluded.tickets;`;
  await sql.raw(`create trigger ticket_counts_insert after insert on tickets begin ${add("new", 1)} end`).execute(db);
  await sql.raw(`create trigger ticket_counts_delete after delete on tickets begin ${add("old", -1)} end`).execute(db);
  await sql
    .raw(
      `create trigger ticket_counts_update after update of status_id, group_id, assignee_id, priority on tickets
       when ${changed("is not")}
       begin ${add("old", -1)} ${add("new", 1)} end`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // One shard per live connection: the first counted write of a session takes the lowest free advisory lock of
  // 64 and keeps it (and the shard) until the connection ends. Past 64 connections shards are shared, which is
  // still correct, only contended.
  await sql`
    create function ticket_counts_shard() returns integer language plpgsql as $$
    declare
      claimed text := current_setting('switchboard.counter_shard', true);
    begin
      if claimed is not null and claimed <> '' then return claimed::integer; end if;
      for k in 0..63 loop
        if pg_try_advisory_lock(20270027, k) then
          perform set_config('switchboard.counter_shard', k::text, false);
          return k;
        end if;
      end loop;
      return pg_backend_pid() % 64;
    end $$`.execute(db);
  await sql`
    create function ticket_counts_add(p_status text, p_group text, p_assignee text, p_priority text, p_delta integer)
    returns void language sql as $$
      insert into ticket_counts (status_id, group_key, assignee_key, priority, shard, tickets)
      values (p_status, coalesce(p_group, ''), coalesce(p_assignee, ''), p_priority, ticket_counts_shard(), p_delta)
      on conflict (status_id, group_key, assignee_key, priority, shard)
      do update set tickets = ticket_counts.tickets + excluded.tickets
    $$`.execute(db);
  await sql`
    create function ticket_counts_track() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        perform ticket_counts_add(old.status_id, old.group_id, old.assignee_id, old.priority, -1);
      end if;
      if tg_op <> 'DELETE' then
        perform ticket_counts_add(new.status_id, new.group_id, new.assignee_id, new.priority, 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger ticket_counts_insert_delete after insert or delete on tickets
            for each row execute function ticket_counts_track()`.execute(db);
  await sql
    .raw(
      `create trigger ticket_counts_update after update of status_id, group_id, assignee_id, priority on tickets
       for each row when (${changed("is distinct from")}) execute function ticket_counts_track()`,
    )
    .execute(db);
}
