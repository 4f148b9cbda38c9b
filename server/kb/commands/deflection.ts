/**
 * Deflection: a request form asks for articles as its subject is typed, under a token made for that visit
 * of the form. Every article offered is remembered under the token; opening one marks it; submitting the
 * form claims the token's rows for the new ticket (so agents see what was offered). An opened article
 * whose token never got a ticket is a request that did not need to be made: a deflection.
 */
import type { Kysely, Transaction } from "kysely";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";

export async function rememberOffered(db: Kysely<Database>, token: string, articleIds: string[]): Promise<void> {
  if (!articleIds.length) return;
  const at = now();
  await db
    .insertInto("kb_suggestions")
    .values(articleIds.map((article_id) => ({ token, article_id, ticket_id: null, shown_at: at, opened_at: null })))
    .onConflict((oc) => oc.columns(["token", "article_id"]).doNothing())
    .execute();
}

/** Only an article this form actually offered can be opened from it; anything else changes nothing. */
export async function markOpened(db: Kysely<Database>, token: string, articleId: string): Promise<void> {
  await db
    .updateTable("kb_suggestions")
    .set({ opened_at: now() })
    .where("token", "=", token)
    .where("article_id", "=", articleId)
    .where("ticket_id", "is", null)
    .where("opened_at", "is", null)
    .execute();
}

/** Called by the ticket submission in its own transaction: the form's offers belong to the ticket now. */
export async function claimOffered(
  trx: Transaction<Database>,
  token: string | undefined,
  ticketId: string,
): Promise<void> {
  if (!token) return;
  await trx
    .updateTable("kb_suggestions")
    .set({ ticket_id: ticketId })
    .where("token", "=", token)
    .where("ticket_id", "is", null)
    .execute();
}
