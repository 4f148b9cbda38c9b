/** Shared set-up for the inbound mail tests: a mailbox, a ticket to answer, and the addresses its mail carried. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { ensureCategories } from "../../bootstrap.ts";
import type { Config } from "../../config.ts";
import { anonymous } from "../../core/actor.ts";
import { decodeJson } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { buildSubmission } from "../../test/factories.ts";
import { submitTicket } from "../../tickets/commands/submit-ticket.ts";
import { createMailbox } from "./mailboxes.ts";

export const fixturesDir = path.join(import.meta.dirname, "fixtures");
export const supportAddress = "help@support.example";

export function fixture(name: string, values: Record<string, string> = {}): Buffer {
  const raw = readFileSync(path.join(fixturesDir, name));
  if (!raw.includes("{{")) return raw;
  return Buffer.from(
    raw.toString("latin1").replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`),
    "latin1",
  );
}

/** A mailbox for the address, and the categories a fresh help desk starts with (new tickets need one). */
export async function ensureMailbox(db: Kysely<Database>, address = supportAddress): Promise<string> {
  await ensureCategories(db);
  const existing = await db.selectFrom("mailboxes").select("id").where("address", "=", address).executeTakeFirst();
  return (
    existing?.id ??
    createMailbox(db, { name: "Help", address, groupId: null, categoryId: null, active: true, imap: null })
  );
}

export type SeededTicket = { id: string; number: number; messageId: string; replyTo: string };

/** A guest's request as the web form makes it, with the Message-ID and reply address of its confirmation mail. */
export async function seedTicket(
  db: Kysely<Database>,
  config: Config,
  overrides: Parameters<typeof buildSubmission>[1] = {},
): Promise<SeededTicket> {
  const { number } = await submitTicket({ db, config }, anonymous, await buildSubmission(db, overrides));
  const ticket = await db.selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
  const mail = await db
    .selectFrom("mail_messages")
    .select(["message_id", "headers"])
    .where("ticket_id", "=", ticket.id)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  const headers = decodeJson(mail.headers) as Record<string, string>;
  const replyTo = headers["Reply-To"];
  if (!replyTo) throw new Error("the ticket's mail carries no reply address; is a mailbox set up?");
  return { id: ticket.id, number, messageId: mail.message_id, replyTo };
}
