import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export function listMailMessages(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom("mail_messages")
    .select(["id", "to_address", "subject", "created_at", "sent_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export function findMailMessage(db: Kysely<Database>, id: string) {
  return db.selectFrom("mail_messages").selectAll().where("id", "=", id).executeTakeFirst();
}
