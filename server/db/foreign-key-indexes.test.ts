import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import type { Engine } from "./engine.ts";
import type { Database } from "./schema.ts";

/**
 * Tables an admin fills by hand, a few rows each: removing one of their rows may scan a small table, and an
 * index on every reference to them would cost each ticket write for nothing. Every other table grows with
 * the help desk's use, so each of its foreign keys needs an index that starts with the referencing column
 * (migration 0073 says what a missing one cost).
 */
const configured = new Set([
  "categories.parent_id",
  "tickets.sla_policy_id",
  "tickets.ticket_type_id",
  "tickets.category_id",
  "groups.lead_id",
  "groups.calendar_id",
  "group_members.group_id",
  "services.group_id",
  "services.ticket_type_id",
  "service_organizations.organization_id",
  "service_roles.role_id",
  "sla_policies.calendar_id",
  "mailboxes.category_id",
  "mailboxes.group_id",
  "macros.group_id",
  "macros.assignee_id",
  "macros.status_id",
  "oauth_authorizations.mailbox_id",
  "kb_article_organizations.organization_id",
  "kb_article_roles.role_id",
]);

async function unindexedForeignKeys(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  if (engine === "postgres") {
    const { rows } = await sql<{ key: string }>`
      select c.conrelid::regclass::text || '.' || a.attname as key
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
      order by 1`.execute(db);
    return rows.map((r) => r.key);
  }
  const { rows } = await sql<{ key: string }>`
    select t.name || '.' || fk."from" as key
    from sqlite_master t, pragma_foreign_key_list(t.name) fk
    where t.type = 'table'
      and not exists (
        select 1 from pragma_index_list(t.name) il, pragma_index_info(il.name) ii
        where ii.seqno = 0 and ii.name = fk."from")
      and not exists (
        select 1 from pragma_table_info(t.name) pk where pk.pk = 1 and pk.name = fk."from")
    order by 1`.execute(db);
  return rows.map((r) => r.key);
}

describeEachEngine("foreign keys of growing tables are indexed", ({ db, engine }) => {
  it("has an index leading with every foreign key outside the admin-configured tables", async () => {
    const missing = (await unindexedForeignKeys(db(), engine)).filter((key) => !configured.has(key));
    expect(missing).toEqual([]);
  });
});
