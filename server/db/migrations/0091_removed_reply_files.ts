import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

/**
 * A removed public reply's files now become the agents' when it is removed (tickets/commands/manage-comments.ts).
 * Replies removed before kept theirs public: the requester still listed and downloaded them. Those files are
 * made the agents' here too (and the search index, 0090, follows the change of visibility).
 */
export function removedReplyFiles(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const removed = (commentId: string) => `exists (select 1 from ticket_events d
        where d.ticket_id = e.ticket_id and d.type = 'comment_deleted' and ${commentId} = e.id)`;
      const files =
        engine === "sqlite"
          ? `select json_extract(f.value, '$.id') from ticket_events e, json_each(e.payload, '$.attachments') f
              where e.type = 'comment' and e.visibility = 'public' and json_type(e.payload, '$.attachments') = 'array'
                and ${removed("json_extract(d.payload, '$.commentId')")}`
          : `select f->>'id' from ticket_events e
              cross join lateral jsonb_array_elements(case when jsonb_typeof(e.payload->'attachments') = 'array'
                then e.payload->'attachments' else '[]'::jsonb end) f
              where e.type = 'comment' and e.visibility = 'public' and ${removed("d.payload->>'commentId'")}`;
      await sql
        .raw(`update attachments set visibility = 'internal' where visibility = 'public' and id in (${files})`)
        .execute(db);
    },
  };
}
