/**
 * A customer's reply reaches the help desk: the assignee (or, while nobody is assigned, the agents of the
 * ticket's group) gets a mail through the outbox. The reaction to a "comment" event from the customer's side.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { customerReplied } from "../mail/templates/customer-replied.ts";
import type { RecordedEvent } from "../tickets/events.ts";

/** Who hears about a customer's reply: the assignee, else the group's active agents; nobody for a ticket in neither. */
async function agentsToTell(
  trx: Transaction<Database>,
  ticket: { assignee_id: string | null; group_id: string | null },
) {
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

export async function tellAgentsOfReply(
  trx: Transaction<Database>,
  config: { baseUrl: string },
  event: Extract<RecordedEvent, { type: "comment" }>,
  comment: string,
): Promise<void> {
  const ticket = await trx
    .selectFrom("tickets")
    .select(["id", "number", "subject", "assignee_id", "group_id"])
    .where("id", "=", event.ticketId)
    .executeTakeFirstOrThrow();
  const movedTo = event.payload.movesTo
    ? await trx.selectFrom("statuses").select("agent_label").where("id", "=", event.payload.movesTo).executeTakeFirst()
    : undefined;
  for (const agent of await agentsToTell(trx, ticket)) {
    // An agent copied on the ticket as a customer would otherwise hear about their own words.
    if (agent.email === event.actor.email) continue;
    await queueMail(
      trx,
      {
        template: "customer-replied",
        to: agent.email,
        ticketId: ticket.id,
        content: customerReplied(await recipientTranslator(trx, agent.email), {
          number: ticket.number,
          subject: ticket.subject,
          author: event.actor.name,
          comment,
          status: movedTo?.agent_label ?? null,
          ticketUrl: `${config.baseUrl}/agent/tickets/${ticket.number}`,
        }),
      },
      { baseUrl: config.baseUrl, at: event.at },
    );
  }
}
