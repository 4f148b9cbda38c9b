import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * The search index (0024) read every comment's first words, for ever: a reply an agent removed ("Your password
 * is hunter2") or corrected still found its ticket by the words nobody sees any more, and a removed reply's file
 * names stayed in the customers' text after the files became the agents' (tickets/commands/manage-comments.ts).
 * From here a ticket's text has each comment's latest words and leaves removed comments out; an edit, a removal
 * and a change of a file's visibility refresh the ticket's row in the same transaction, as every other change
 * does. Tickets with edited or removed comments are indexed again.
 */
export function searchFollowsCommentChanges(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === "sqlite") await sqliteIndex(db);
      else await postgresIndex(db);
    },
  };
}

/** The comment events whose changes a ticket's text follows. */
const commentTypes = "'comment', 'note', 'comment_edited', 'comment_deleted'";

async function sqliteIndex(db: Kysely<unknown>): Promise<void> {
  const triggers: [name: string, event: string, ticketId: string][] = [
    ["ticket_fts_ticket_created", "after insert on tickets", "new.id"],
    [
      "ticket_fts_ticket_edited",
      `after update of subject, message, message_format, requester_name, requester_email on tickets
       when old.subject is not new.subject or old.message is not new.message
         or old.requester_name is not new.requester_name or old.requester_email is not new.requester_email`,
      "new.id",
    ],
    ["ticket_fts_comment_added", `after insert on ticket_events when new.type in (${commentTypes})`, "new.ticket_id"],
    ["ticket_fts_field_set", "after insert on ticket_field_values", "new.ticket_id"],
    ["ticket_fts_field_changed", "after update on ticket_field_values", "new.ticket_id"],
    ["ticket_fts_field_cleared", "after delete on ticket_field_values", "old.ticket_id"],
    ["ticket_fts_attachment_added", "after insert on attachments", "new.ticket_id"],
    ["ticket_fts_attachment_removed", "after delete on attachments", "old.ticket_id"],
    [
      "ticket_fts_attachment_visibility",
      "after update of visibility on attachments when old.visibility is not new.visibility",
      "new.ticket_id",
    ],
  ];
  for (const [name] of triggers) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  for (const [name, event, ticketId] of triggers) {
    await sql.raw(`create trigger ${name} ${event} begin ${sqliteRefreshStatements(ticketId)} end`).execute(db);
  }
  await sql
    .raw(`delete from ticket_fts where rowid in (select t.number from tickets t where ${changedComments})`)
    .execute(db);
  await sql.raw(sqliteIndexRows(changedComments)).execute(db);
}

/** Tickets (over `tickets t`) with a comment edited or removed: the ones whose index row was wrong. */
const changedComments = `exists (select 1 from ticket_events c where c.ticket_id = t.id
  and c.type in ('comment_edited', 'comment_deleted'))`;

/** SQLite: a comment's latest words, in the given field ('body' or 'format') of its latest edit, else its own. */
function sqliteLatest(field: "body" | "format"): string {
  const edited = field === "body" ? "after" : "format";
  return `coalesce((select json_extract(x.payload, '$.${edited}') from ticket_events x
      where x.ticket_id = e.ticket_id and x.type = 'comment_edited' and json_extract(x.payload, '$.commentId') = e.id
      order by x.created_at desc, x.id desc limit 1), json_extract(e.payload, '$.${field}'))`;
}

/** SQL that indexes the tickets `where` picks (over `tickets t`), as 0024's, with comments as they now read. */
function sqliteIndexRows(where: string): string {
  const text = (visibility: "public" | "internal", fields: string) => `
    coalesce((select group_concat(switchboard_plain_text(${sqliteLatest("format")}, ${sqliteLatest("body")}), ' ')
      from ticket_events e where e.ticket_id = t.id and e.type in ('comment', 'note') and e.visibility = '${visibility}'
        and not exists (select 1 from ticket_events d where d.ticket_id = e.ticket_id and d.type = 'comment_deleted'
          and json_extract(d.payload, '$.commentId') = e.id)), '')
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

function sqliteRefreshStatements(ticketId: string): string {
  return `delete from ticket_fts where rowid = (select number from tickets where id = ${ticketId});
    ${sqliteIndexRows(`t.id = ${ticketId}`)};`;
}

async function postgresIndex(db: Kysely<unknown>): Promise<void> {
  const latest = (field: "body" | "format") => `coalesce((select x.payload->>'${field === "body" ? "after" : "format"}'
      from ticket_events x where x.ticket_id = e.ticket_id and x.type = 'comment_edited'
        and x.payload->>'commentId' = e.id order by x.created_at desc, x.id desc limit 1), e.payload->>'${field}')`;
  const comments = (
    visibility: "public" | "internal",
  ) => `(select string_agg(switchboard_plain_text(${latest("format")},
        ${latest("body")}), ' ')
      from ticket_events e where e.ticket_id = t.id and e.type in ('comment', 'note') and e.visibility = '${visibility}'
        and not exists (select 1 from ticket_events d where d.ticket_id = e.ticket_id and d.type = 'comment_deleted'
          and d.payload->>'commentId' = e.id))`;
  await sql
    .raw(`create or replace function switchboard_refresh_ticket_search(tid text) returns void language sql as $$
    insert into ticket_search (ticket_id, subject, public_text, internal_text)
    select t.id, switchboard_plain_text('text', t.subject),
      concat_ws(' ', t.requester_name, t.requester_email, switchboard_plain_text(t.message_format, t.message),
        ${comments("public")},
        (select string_agg(v.value #>> '{}', ' ') from ticket_field_values v join ticket_fields f on f.id = v.field_id
           where v.ticket_id = t.id and f.customer_access <> 'none'),
        (select string_agg(a.file_name, ' ') from attachments a where a.ticket_id = t.id and a.visibility = 'public')),
      concat_ws(' ',
        ${comments("internal")},
        (select string_agg(v.value #>> '{}', ' ') from ticket_field_values v join ticket_fields f on f.id = v.field_id
           where v.ticket_id = t.id and f.customer_access = 'none'),
        (select string_agg(a.file_name, ' ') from attachments a where a.ticket_id = t.id and a.visibility = 'internal'))
    from tickets t where t.id = tid
    on conflict (ticket_id) do update set subject = excluded.subject,
      public_text = excluded.public_text, internal_text = excluded.internal_text
  $$`)
    .execute(db);
  await sql
    .raw(`create or replace function switchboard_search_comments_added() returns trigger language plpgsql as $$
    begin
      perform switchboard_refresh_ticket_search(t.ticket_id)
        from (select distinct ticket_id from changed where type in (${commentTypes})) t;
      return null;
    end $$`)
    .execute(db);
  // Transition tables cannot go with a column list; files change visibility rarely (a removed reply's).
  await sql`create trigger ticket_search_attachments_update after update on attachments
    referencing new table as changed for each statement execute function switchboard_search_parts_changed()`.execute(
    db,
  );
  await sql.raw(`select switchboard_refresh_ticket_search(t.id) from tickets t where ${changedComments}`).execute(db);
}
