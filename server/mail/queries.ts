import { type Kysely, sql } from "kysely";
import { containsText } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** The dev mailbox's newest messages, optionally to one address (any case) and with a part of the subject. */
export function listMailMessages(db: Kysely<Database>, limit: number, filter: { to?: string; subject?: string } = {}) {
  const { to, subject } = filter;
  let query = db.selectFrom("mail_messages").select(["id", "to_address", "subject", "created_at", "sent_at"]);
  if (to) query = query.where(sql<string>`lower(to_address)`, "=", to.toLowerCase());
  if (subject) query = query.where(containsText(sql.ref("subject"), subject));
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

export function findMailMessage(db: Kysely<Database>, id: string) {
  return db.selectFrom("mail_messages").selectAll().where("id", "=", id).executeTakeFirst();
}
