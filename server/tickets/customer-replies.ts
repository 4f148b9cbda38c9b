/** Customer replies are marked in the queues until each agent opens them. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/** The ticket shows "New reply" in the queues until each agent opens it (the mail to agents is a reaction: notifications/). */
export async function markCustomerReplied(trx: Transaction<Database>, ticketId: string, at: string): Promise<void> {
  await trx.updateTable("tickets").set({ customer_replied_at: at }).where("id", "=", ticketId).execute();
}

/** An agent opened the ticket: the "new reply" marker goes away for them. */
export async function markReadByAgent(db: Kysely<Database>, ticketId: string, userId: string, at: string) {
  await db
    .insertInto("agent_ticket_reads")
    .values({ ticket_id: ticketId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doUpdateSet({ read_at: at }))
    .execute();
}
