/** What a delivery's body says: the event and the ticket as it stands once the change is made (docs/webhooks.md). */
import type { Transaction } from "kysely";
import type { Database, Visibility } from "../db/schema.ts";

/** A ticket event as it was stored: what the webhook reaction is handed. */
export type StoredTicketEvent = {
  id: string;
  ticketId: string;
  type: string;
  actor: { id: string | null; name: string };
  visibility: Visibility;
  payload: Record<string, unknown>;
  at: string;
};

export type TicketSummary = {
  number: number;
  subject: string;
  status: { key: string; label: string; category: string };
  priority: string;
  group: { id: string; name: string } | null;
  type: { id: string; name: string } | null;
  assignee: { id: string; name: string; email: string } | null;
  requester: { id: string | null; name: string; email: string };
};

export type WebhookBody = {
  event: {
    id: string;
    type: string;
    occurredAt: string;
    visibility: Visibility;
    actor: { id: string | null; name: string };
    payload: Record<string, unknown>;
  };
  ticket: TicketSummary | null;
};

/** Read in the event's transaction, so the summary is the ticket exactly as this change left it. */
export async function ticketSummary(trx: Transaction<Database>, ticketId: string) {
  const row = await trx
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .leftJoin("groups", "groups.id", "tickets.group_id")
    .leftJoin("ticket_types", "ticket_types.id", "tickets.ticket_type_id")
    .leftJoin("users as assignee", "assignee.id", "tickets.assignee_id")
    .select([
      "tickets.number",
      "tickets.subject",
      "tickets.priority",
      "tickets.group_id",
      "tickets.ticket_type_id",
      "tickets.assignee_id",
      "tickets.requester_id",
      "tickets.requester_name",
      "tickets.requester_email",
      "statuses.key as status_key",
      "statuses.agent_label as status_label",
      "statuses.category as status_category",
      "groups.name as group_name",
      "ticket_types.name as type_name",
      "assignee.name as assignee_name",
      "assignee.email as assignee_email",
    ])
    .where("tickets.id", "=", ticketId)
    .executeTakeFirst();
  if (!row) return undefined;
  const summary: TicketSummary = {
    number: row.number,
    subject: row.subject,
    status: { key: row.status_key, label: row.status_label, category: row.status_category },
    priority: row.priority,
    group: row.group_id ? { id: row.group_id, name: row.group_name ?? "" } : null,
    type: row.ticket_type_id ? { id: row.ticket_type_id, name: row.type_name ?? "" } : null,
    assignee: row.assignee_id
      ? { id: row.assignee_id, name: row.assignee_name ?? "", email: row.assignee_email ?? "" }
      : null,
    requester: { id: row.requester_id, name: row.requester_name, email: row.requester_email },
  };
  return { summary, groupId: row.group_id, ticketTypeId: row.ticket_type_id };
}

export function eventBody(event: StoredTicketEvent, ticket: TicketSummary | null): string {
  const body: WebhookBody = {
    event: {
      id: event.id,
      type: event.type,
      occurredAt: event.at,
      visibility: event.visibility,
      actor: event.actor,
      payload: event.payload,
    },
    ticket,
  };
  return JSON.stringify(body);
}
