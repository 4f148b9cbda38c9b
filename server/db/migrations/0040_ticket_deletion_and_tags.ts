import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 17: tickets can be deleted (softly: `deleted_at`, restorable until a job purges them after the
 * retention period) and carry tags.
 *
 * A deleted ticket leaves every count at once: the counter triggers of 0027 now count only tickets whose
 * `deleted_at` is null, and fire when it changes, so deleting and restoring keep `ticket_counts` exact the
 * way every other write does. The administrator role gains `tickets.delete`.
 */
export function ticketDeletionAndTags(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("tickets").addColumn("deleted_at", ts).execute();
      await db.schema.alterTable("tickets").addColumn("deleted_by_name", "text").execute();
      // The "Deleted tickets" list and the purge walk these, newest or oldest first.
      await sql`create index tickets_deleted on tickets (deleted_at) where deleted_at is not null`.execute(db);

      await db.schema
        .createTable("ticket_tags")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("tag", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("ticket_tags_pkey", ["ticket_id", "tag"])
        .execute();
      // The queue and search filter `tag=` reads tickets by tag.
      await db.schema.createIndex("ticket_tags_tag").on("ticket_tags").columns(["tag", "ticket_id"]).execute();

      if (engine === "sqlite") await sqliteTriggers(db);
      else await postgresTriggers(db);

      const { rows } = await sql<{ id: string; permissions: string | string[] }>`
        select id, permissions from roles where key = 'administrator'`.execute(db);
      for (const role of rows) {
        const granted: string[] =
          typeof role.permissions === "string" ? JSON.parse(role.permissions) : [...role.permissions];
        if (granted.includes("tickets.delete")) continue;
        const next = JSON.stringify([...granted, "tickets.delete"]);
        const value = engine === "postgres" ? sql`${next}::jsonb` : sql`${next}`;
        await sql`update roles set permissions = ${value} where id = ${role.id}`.execute(db);
      }
    },
  };
}

const keyColumns = "status_id, group_key, assignee_key, priority, shard";

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = (row: "new" | "old", delta: 1 | -1) =>
    `insert into ticket_counts (${keyColumns}, tickets)
     select ${row}.status_id, coalesce(${row}.group_id, ''), coalesce(${row}.assignee_id, ''), ${row}.priority, 0, ${delta}
     where ${row}.deleted_at is null
     on conflict (${keyColumns}) do update set tickets = tickets + excluded.tickets;`;
  await sql`drop trigger ticket_counts_insert`.execute(db);
  await sql`drop trigger ticket_counts_delete`.execute(db);
  await sql`drop trigger ticket_counts_update`.execute(db);
  await sql.raw(`create trigger ticket_counts_insert after insert on tickets begin ${add("new", 1)} end`).execute(db);
  await sql.raw(`create trigger ticket_counts_delete after delete on tickets begin ${add("old", -1)} end`).execute(db);
  const changed = ["status_id", "group_id", "assignee_id", "priority", "deleted_at"]
    .map((c) => `old.${c} is not new.${c}`)
    .join(" or ");
  await sql
    .raw(
      `create trigger ticket_counts_update after update of status_id, group_id, assignee_id, priority, deleted_at
       on tickets when ${changed}
       begin ${add("old", -1)} ${add("new", 1)} end`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function ticket_counts_track() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.deleted_at is null then
        perform ticket_counts_add(old.status_id, old.group_id, old.assignee_id, old.priority, -1);
      end if;
      if tg_op <> 'DELETE' and new.deleted_at is null then
        perform ticket_counts_add(new.status_id, new.group_id, new.assignee_id, new.priority, 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`drop trigger ticket_counts_update on tickets`.execute(db);
  const changed = ["status_id", "group_id", "assignee_id", "priority", "deleted_at"]
    .map((c) => `old.${c} is distinct from new.${c}`)
    .join(" or ");
  await sql
    .raw(
      `create trigger ticket_counts_update after update of status_id, group_id, assignee_id, priority, deleted_at
       on tickets for each row when (${changed}) execute function ticket_counts_track()`,
    )
    .execute(db);
}
