/**
 * Customer replies reach the help desk: the assignee (or, while nobody is
 * assigned, the agents of the ticket's group) gets a mail through the outbox,
 * and the ticket is marked in the queues until each agent opens it.
 */
import type { Kysely, Transaction } from "kysely";
import type { Config } from "../config.ts";
import type { Database } from "../db/schema.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { customerReplied } from "../mail/templates/customer-replied.ts";

/** Who hears about a customer's reply: the assignee, else the group's active agents; nobody for a ticket in neither. */
async function agentsToTell(trx: Transaction<Database>, ticketId: string) {
  const ticket = await trx
    .selectFrom("tickets")
    .select(["assignee_id", "group_id"])
    .where("id", "=", ticketId)
    .executeTakeFirstOrThrow();
  const agents = trx
    .selectFrom("users")
    .select(["users.id", "users.email"])
    .where("users.disabled_at", "is", null)
    .where("users.licence", "in", ["agent", "admin"]);
  if (ticket.assignee_id) return agents.where("users.id", "=", ticket.assignee_id).execute();
  if (!ticket.group_id) return [];
  return agents
    .innerJoin("group_members", "group_members.user_id", "users.id")
    .where("group_members.group_id", "=", ticket.group_id)
    .execute();
}

export async function customerReplyReceived(
  trx: Transaction<Database>,
  config: Pick<Config, "baseUrl">,
  ticket: { id: string; number: number; subject: string },
  reply: { author: string; authorEmail: string | null; comment: string; status: string | null },
  at: string,
): Promise<void> {
  await trx.updateTable("tickets").set({ customer_replied_at: at }).where("id", "=", ticket.id).execute();
  for (const agent of await agentsToTell(trx, ticket.id)) {
    // An agent copied on the ticket as a customer would otherwise hear about their own words.
    if (agent.email === reply.authorEmail) continue;
    await queueMail(
      trx,
      {
        template: "customer-replied",
        to: agent.email,
        ticketId: ticket.id,
        content: customerReplied(await recipientTranslator(trx, agent.email), {
          number: ticket.number,
          subject: ticket.subject,
          author: reply.author,
          comment: reply.comment,
          status: reply.status,
          ticketUrl: `${config.baseUrl}/agent/tickets/${ticket.number}`,
        }),
      },
      { baseUrl: config.baseUrl, at },
    );
  }
}

/** An agent opened the ticket: the "new reply" marker goes away for them. */
export async function markReadByAgent(db: Kysely<Database>, ticketId: string, userId: string, at: string) {
  await db
    .insertInto("agent_ticket_reads")
    .values({ ticket_id: ticketId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doUpdateSet({ read_at: at }))
    .execute();
}
