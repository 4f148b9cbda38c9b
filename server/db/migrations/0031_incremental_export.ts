import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * The incremental export (server/export/): organizations learn when they last changed, deletions leave a
 * tombstone a sync can follow, and each exported table gets an index in (updated_at, id) order so a page
 * after a cursor is one index range. Organization names become unique among their siblings (case-insensitive:
 * accounts among accounts, departments within their account); names that clash today get a number added.
 */
export function incrementalExport(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("organizations").addColumn("updated_at", ts).execute();
      await sql`update organizations set updated_at = created_at`.execute(db);

      await db.schema
        .createTable("deleted_records")
        .addColumn("resource", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("deleted_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("deleted_records_pkey", ["resource", "id"])
        .execute();
      await db.schema
        .createIndex("deleted_records_order")
        .on("deleted_records")
        .columns(["resource", "deleted_at", "id"])
        .execute();
      await db.schema.createIndex("tickets_updated_id").on("tickets").columns(["updated_at", "id"]).execute();
      await db.schema.createIndex("users_updated_id").on("users").columns(["updated_at", "id"]).execute();
      await db.schema
        .createIndex("organizations_updated_id")
        .on("organizations")
        .columns(["updated_at", "id"])
        .execute();

      const { rows } = await sql<{ id: string; name: string; parent_id: string | null }>`
        select id, name, parent_id from organizations order by created_at, id`.execute(db);
      const seen = new Set<string>();
      for (const row of rows) {
        const key = (name: string) => `${row.parent_id ?? ""}\u0000${name.toLowerCase()}`;
        let name = row.name;
        for (let n = 2; seen.has(key(name)); n++) name = `${row.name} (${n})`;
        seen.add(key(name));
        if (name !== row.name) await sql`update organizations set name = ${name} where id = ${row.id}`.execute(db);
      }
      await sql`create unique index organizations_sibling_name on organizations (coalesce(parent_id, ''), lower(name))`.execute(
        db,
      );
    },
  };
}
