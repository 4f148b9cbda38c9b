import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/** Tickets indexed per statement while building the index, so progress can be told and memory stays flat. */
const batchSize = 5000;
/** Below this many tickets the index builds in a blink and start-up stays quiet. */
const reportAbove = 20000;

/**
 * The full-text index (server/db/full-text.ts), kept by triggers so it changes
 * in the transaction of whatever wrote the text, and filled for the tickets
 * that already exist, in batches with progress on stderr.
 */
export function fullTextSearch(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === "sqlite") await sqliteIndex(db);
      else await postgresIndex(db);
      await backfill(db, engine);
    },
  };
}

async function sqliteIndex(db: Kysely<unknown>): Promise<void> {
  // rowid is the ticket number: a unique integer already indexed on tickets, so a match joins back cheaply.
  // Prefix indexes for 2 and 3 characters keep "as you type" prefixes fast.
  await sql`create virtual table ticket_fts using fts5(
    subject, public_text, internal_text,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  // Subject words weigh the most in the ranking.
  await sql`insert into ticket_fts (ticket_fts, rank) values ('rank', 'bm25(8.0, 1.0, 1.0)')`.execute(db);
  const triggers: [name: string, event: string, ticketId: string][] = [
    ["ticket_fts_ticket_created", "after insert on tickets", "new.id"],
    [
      "ticket_fts_ticket_edited",
      `after update of subject, message, message_format, requester_name, requester_email on tickets
       when old.subject is not new.subject or old.message is not new.message
         or old.requester_name is not new.requester_name or old.requester_email is not new.requester_email`,
      "new.id",
    ],
    ["ticket_fts_comment_added", "after insert on ticket_events when new.type in ('comment', 'note')", "new.ticket_id"],
    ["ticket_fts_field_set", "after insert on ticket_field_values", "new.ticket_id"],
    ["ticket_fts_field_changed", "after update on ticket_field_values", "new.ticket_id"],
    ["ticket_fts_field_cleared", "after delete on ticket_field_values", "old.ticket_id"],
    ["ticket_fts_attachment_added", "after insert on attachments", "new.ticket_id"],
    ["ticket_fts_attachment_removed", "after delete on attachments", "old.ticket_id"],
  ];
  for (const [name, event, ticketId] of triggers) {
    await sql.raw(`create trigger ${name} ${event} begin ${sqliteRefreshStatements(ticketId)} end`).execute(db);
  }
  await sql`create trigger ticket_fts_ticket_removed after delete on tickets
    begin delete from ticket_fts where rowid = old.number; end`.execute(db);
}

async function postgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create function switchboard_plain_text(format text, body text) returns text
    language sql immutable parallel safe as $$
      select translate(
        case when format = 'html' then
          replace(replace(replace(replace(replace(replace(
            regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'),
            '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
        else coalesce(body, '') end,
        E'\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x0b\\x0c\\x0e\\x0f', '            ')
    $$`.execute(db);
  // The texts are stored (snippets read them); the documents are generated from them, so they cannot drift.
  // 'simple' does not stem, as FTS5's unicode61 does not, and punctuation becomes a space first, so
  // "quarterly-budget.xlsx" or an address is words to both engines alike (PostgreSQL's parser would
  // otherwise keep it whole as a file name or host).
  await sql`create table ticket_search (
    ticket_id text primary key references tickets(id) on delete cascade,
    subject text not null,
    public_text text not null,
    internal_text text not null,
    public_doc tsvector generated always as (
      setweight(to_tsvector('simple', regexp_replace(left(subject, 10000), '[[:punct:]]+', ' ', 'g')), 'A')
      || to_tsvector('simple', regexp_replace(left(public_text, 200000), '[[:punct:]]+', ' ', 'g'))) stored,
    agent_doc tsvector generated always as (
      setweight(to_tsvector('simple', regexp_replace(left(subject, 10000), '[[:punct:]]+', ' ', 'g')), 'A')
      || to_tsvector('simple', regexp_replace(left(public_text, 200000), '[[:punct:]]+', ' ', 'g'))
      || to_tsvector('simple', regexp_replace(left(internal_text, 200000), '[[:punct:]]+', ' ', 'g'))) stored
  )`.execute(db);
  await sql`create index ticket_search_public_doc on ticket_search using gin (public_doc)`.execute(db);
  await sql`create index ticket_search_agent_doc on ticket_search using gin (agent_doc)`.execute(db);
  await sql`create function switchboard_refresh_ticket_search(tid text) returns void language sql as $$
    insert into ticket_search (ticket_id, subject, public_text, internal_text)
    select t.id, switchboard_plain_text('text', t.subject),
      concat_ws(' ', t.requester_name, t.requester_email, switchboard_plain_text(t.message_format, t.message),
        (select string_agg(switchboard_plain_text(e.payload->>'format', e.payload->>'body'), ' ')
           from ticket_events e where e.ticket_id = t.id and e.type in ('comment', 'note') and e.visibility = 'public'),
        (select string_agg(v.value #>> '{}', ' ') from ticket_field_values v join ticket_fields f on f.id = v.field_id
           where v.ticket_id = t.id and f.customer_access <> 'none'),
        (select string_agg(a.file_name, ' ') from attachments a where a.ticket_id = t.id and a.visibility = 'public')),
      concat_ws(' ',
        (select string_agg(switchboard_plain_text(e.payload->>'format', e.payload->>'body'), ' ')
           from ticket_events e where e.ticket_id = t.id and e.type in ('comment', 'note') and e.visibility = 'internal'),
        (select string_agg(v.value #>> '{}', ' ') from ticket_field_values v join ticket_fields f on f.id = v.field_id
           where v.ticket_id = t.id and f.customer_access = 'none'),
        (select string_agg(a.file_name, ' ') from attachments a where a.ticket_id = t.id and a.visibility = 'internal'))
    from tickets t where t.id = tid
    on conflict (ticket_id) do update set subject = excluded.subject,
      public_text = excluded.public_text, internal_text = excluded.internal_text
  $$`.execute(db);
  // Statement-level triggers with transition tables: a multi-row insert (an import, a seed, a bulk edit)
  // refreshes each ticket it touched once, not once per row. Edits of the ticket itself stay row-level,
  // so they can fire only when an indexed column really changed.
  await sql`create function switchboard_search_tickets_added() returns trigger language plpgsql as $$
    begin perform switchboard_refresh_ticket_search(changed.id) from changed; return null; end $$`.execute(db);
  await sql`create function switchboard_search_ticket_edited() returns trigger language plpgsql as $$
    begin perform switchboard_refresh_ticket_search(new.id); return null; end $$`.execute(db);
  await sql`create function switchboard_search_comments_added() returns trigger language plpgsql as $$
    begin
      perform switchboard_refresh_ticket_search(t.ticket_id)
        from (select distinct ticket_id from changed where type in ('comment', 'note')) t;
      return null;
    end $$`.execute(db);
  await sql`create function switchboard_search_parts_changed() returns trigger language plpgsql as $$
    begin
      perform switchboard_refresh_ticket_search(t.ticket_id) from (select distinct ticket_id from changed) t;
      return null;
    end $$`.execute(db);
  await sql`create trigger ticket_search_tickets_added after insert on tickets
    referencing new table as changed for each statement execute function switchboard_search_tickets_added()`.execute(
    db,
  );
  await sql`create trigger ticket_search_ticket_edited
    after update of subject, message, message_format, requester_name, requester_email on tickets
    for each row when (old.subject is distinct from new.subject or old.message is distinct from new.message
      or old.requester_name is distinct from new.requester_name or old.requester_email is distinct from new.requester_email)
    execute function switchboard_search_ticket_edited()`.execute(db);
  await sql`create trigger ticket_search_comments_added after insert on ticket_events
    referencing new table as changed for each statement execute function switchboard_search_comments_added()`.execute(
    db,
  );
  // One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
  for (const [table, event, rows] of [
    ["ticket_field_values", "insert", "new"],
    ["ticket_field_values", "update", "new"],
    ["ticket_field_values", "delete", "old"],
    ["attachments", "insert", "new"],
    ["attachments", "delete", "old"],
  ] as const) {
    await sql
      .raw(`create trigger ticket_search_${table}_${event} after ${event} on ${table}
        referencing ${rows} table as changed for each statement execute function switchboard_search_parts_changed()`)
      .execute(db);
  }
}

/** Indexes the tickets that existed before, a batch of numbers at a time, telling how far it got. */
async function backfill(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { rows } = await sql<{ low: number | null; high: number | null; n: number }>`
    select min(number) as low, max(number) as high, count(*) as n from tickets`.execute(db);
  const { low, high } = rows[0] ?? { low: null, high: null };
  const total = Number(rows[0]?.n ?? 0);
  if (low === null || high === null || total === 0) return;
  const report = total > reportAbove;
  if (report) process.stderr.write(`Building the search index for ${total} tickets…\n`);
  let done = 0;
  for (let from = Number(low); from <= Number(high); from += batchSize) {
    const to = from + batchSize;
    if (engine === "sqlite") {
      await sql.raw(sqliteIndexRows(`t.number >= ${from} and t.number < ${to}`)).execute(db);
    } else {
      await sql`select switchboard_refresh_ticket_search(id) from tickets
        where number >= ${from} and number < ${to}`.execute(db);
    }
    const { rows: counted } = await sql<{ n: number }>`
      select count(*) as n from tickets where number >= ${from} and number < ${to}`.execute(db);
    done += Number(counted[0]?.n ?? 0);
    if (report) process.stderr.write(`  search index: ${done} of ${total} tickets\n`);
  }
  // Without statistics PostgreSQL guesses how many tickets a word matches and may walk a whole queue's
  // index instead of the few matches (0.8 s rather than 8 ms for a word nobody wrote, at 20,000 tickets).
  if (engine === "postgres") await sql`analyze ticket_search`.execute(db);
}

/** SQL that indexes the tickets `where` picks (over `tickets t`); the migration fills the index with it. */
function sqliteIndexRows(where: string): string {
  const text = (visibility: "public" | "internal", fields: string) => `
    coalesce((select group_concat(switchboard_plain_text(json_extract(e.payload, '$.format'), json_extract(e.payload, '$.body')), ' ')
      from ticket_events e where e.ticket_id = t.id and e.type in ('comment', 'note') and e.visibility = '${visibility}'), '')
    || ' ' || coalesce((select group_concat(v.value, ' ') from ticket_field_values v
      join ticket_fields f on f.id = v.field_id where v.ticket_id = t.id and ${fields}), '')
    || ' ' || coalesce((select group_concat(a.file_name, ' ') from attachments a
      where a.ticket_id = t.id and a.visibility = '${visibility}'), '')`;
  return `
    insert into ticket_fts (rowid, subject, public_text, internal_text)
      select t.number, switchboard_plain_text('text', t.subject),
        t.requester_name || ' ' || t.requester_email || ' ' || switchboard_plain_text(t.message_format, t.message)
          || ' ' || ${text("public", "f.customer_access <> 'none'")},
        ${text("internal", "f.customer_access = 'none'")}
      from tickets t where ${where}`;
}

/** SQL that rebuilds one ticket's index row; the SQLite triggers inline it with the ticket's id. */
function sqliteRefreshStatements(ticketId: string): string {
  return `delete from ticket_fts where rowid = (select number from tickets where id = ${ticketId});
    ${sqliteIndexRows(`t.id = ${ticketId}`)};`;
}
