/**
 * Mail that follows a ticket's events, queued in the outbox in the event's
 * transaction: the requester gets the confirmation of a new request, the people
 * on the ticket hear about public replies and status changes, agents about a
 * customer's reply and about targets coming due or missed.
 */

import type { Transaction } from "kysely";
import { priorityLabels } from "../../common/tickets.ts";
import { guestLinkUrl, issueGuestLink } from "../accounts/guest-links.ts";
import type { Database } from "../db/schema.ts";
import { htmlToTextBounded, roughTextOfHtml } from "../html/bounded-html.ts";
import { textByLocale } from "../i18n/content-text.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { commentAdded } from "../mail/templates/comment-added.ts";
import { slaAlert } from "../mail/templates/sla-alert.ts";
import { statusChanged } from "../mail/templates/status-changed.ts";
import { ticketAssigned } from "../mail/templates/ticket-assigned.ts";
import { ticketMerged } from "../mail/templates/ticket-merged.ts";
import { replyNotice, statusNotice } from "../mail/templates/ticket-notice.ts";
import { calendarFor } from "../sla/calendars.ts";
import type { Reaction, RecordedEvent } from "../tickets/events.ts";
import { addressMayOpen } from "../tickets/policy.ts";
import { queueConfirmation } from "./confirmation.ts";
import { tellAgentsOfReply } from "./customer-replied.ts";
import { notifyPeopleOnTicket } from "./people-on-ticket.ts";

function ticketOf(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom("tickets")
    .select([
      "id",
      "number",
      "subject",
      "requester_email",
      "requester_id",
      "group_id",
      "due_at",
      "sla_policy_id",
      "locale",
    ])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** The words of a comment as mail shows them; the HTML was sanitised when it was written, so this is its text again. */
async function plainText(payload: { body: string; format: "text" | "html" }): Promise<string> {
  if (payload.format === "text") return payload.body;
  const text = await htmlToTextBounded(payload.body);
  return text.ok ? text.value : roughTextOfHtml(payload.body, 20_000);
}

async function tellGroupOfTarget(
  trx: Transaction<Database>,
  config: { baseUrl: string },
  event: Extract<RecordedEvent, { type: "sla_due" | "sla_overdue" }>,
): Promise<void> {
  const ticket = await ticketOf(trx, event.ticketId);
  if (!ticket.group_id) return;
  // Due times are said in the calendar the clock counts in, and name its zone (not the reader's).
  const policy = ticket.sla_policy_id
    ? await trx
        .selectFrom("sla_policies")
        .select("calendar_id")
        .where("id", "=", ticket.sla_policy_id)
        .executeTakeFirst()
    : undefined;
  const calendar = await calendarFor(trx, { calendarId: policy?.calendar_id ?? null, groupId: ticket.group_id });
  const agents = await trx
    .selectFrom("group_members")
    .innerJoin("users", "users.id", "group_members.user_id")
    .select("users.email")
    .where("group_members.group_id", "=", ticket.group_id)
    .where("users.disabled_at", "is", null)
    .where("users.licence", "in", ["agent", "admin"])
    .orderBy("users.email")
    .execute();
  for (const agent of agents) {
    await queueMail(
      trx,
      {
        template: "sla-alert",
        to: agent.email,
        content: slaAlert(await recipientTranslator(trx, agent.email), {
          number: ticket.number,
          subject: ticket.subject,
          kind: event.type,
          dueAt: event.payload.dueAt ?? ticket.due_at ?? event.at,
          timeZone: calendar.timeZone,
          ticketUrl: `${config.baseUrl}/agent/tickets/${ticket.number}`,
        }),
      },
      { baseUrl: config.baseUrl, at: event.at },
    );
  }
}

/** A new assignee hears what they were given; not when they took it themselves. */
async function tellAssignee(
  trx: Transaction<Database>,
  config: { baseUrl: string },
  event: Extract<RecordedEvent, { type: "edited" }>,
): Promise<void> {
  const assigneeId = event.payload.assigneeId;
  if (!assigneeId || assigneeId === event.actor.id) return;
  const assignee = await trx.selectFrom("users").select("email").where("id", "=", assigneeId).executeTakeFirst();
  if (!assignee) return;
  const ticket = await trx
    .selectFrom("tickets")
    .select(["number", "subject", "requester_name", "priority"])
    .where("id", "=", event.ticketId)
    .executeTakeFirstOrThrow();
  await queueMail(
    trx,
    {
      template: "ticket-assigned",
      to: assignee.email,
      content: ticketAssigned(await recipientTranslator(trx, assignee.email), {
        number: ticket.number,
        subject: ticket.subject,
        assignedBy: event.actor.name,
        requester: ticket.requester_name,
        priority: priorityLabels[ticket.priority],
        ticketUrl: `${config.baseUrl}/agent/tickets/${ticket.number}`,
      }),
    },
    { baseUrl: config.baseUrl, at: event.at },
  );
}

/** The merged duplicate's requester hears where the conversation goes on. */
async function tellOfMerge(
  trx: Transaction<Database>,
  config: { baseUrl: string },
  event: Extract<RecordedEvent, { type: "merged_into" }>,
): Promise<void> {
  const duplicate = await ticketOf(trx, event.ticketId);
  const into = await trx
    .selectFrom("tickets")
    .select(["id", "number", "subject", "requester_email"])
    .where("number", "=", event.payload.number)
    .executeTakeFirstOrThrow();
  const email = duplicate.requester_email;
  const account = await trx
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .where("email_confirmed_at", "is not", null)
    .executeTakeFirst();
  // The mail names the ticket that continues only when its reader may open it: with the CCs full, the
  // requester is not copied on it, and its subject and number are then none of their business.
  const named = await addressMayOpen(trx, email, into.id);
  const copied =
    into.requester_email === email ||
    (await trx
      .selectFrom("ticket_ccs")
      .select("email")
      .where("ticket_id", "=", into.id)
      .where("email", "=", email)
      .executeTakeFirst()) !== undefined;
  // Guest sessions open only the guest's own request (accounts/queries.ts), so a guest is sent to the duplicate.
  const ticketUrl = !account
    ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, duplicate.id, email, new Date(event.at)))
    : `${config.baseUrl}/requests/${named ? into.number : duplicate.number}`;
  await queueMail(
    trx,
    {
      template: "ticket-merged",
      to: email,
      content: ticketMerged(await recipientTranslator(trx, email, duplicate.locale), {
        number: duplicate.number,
        subject: duplicate.subject,
        into: named ? { number: into.number, subject: into.subject, copied } : null,
        ticketUrl,
        forGuest: !account,
      }),
    },
    { baseUrl: config.baseUrl, at: event.at },
  );
}

/** Status changes a customer's own action makes (status_changed's `reason`): the customer chose their moment. */
const customerReasons = new Set(["customer_replied", "customer_reopened", "customer_solved", "withdrawn"]);

export const notificationReaction: Reaction = async (trx, { config }, event) => {
  switch (event.type) {
    case "status_changed": {
      // A merged duplicate's readers get the merge notice instead (tickets/links/commands.ts).
      if (event.payload.reason === "merged") return;
      const ticket = await ticketOf(trx, event.ticketId);
      const status = await trx
        .selectFrom("statuses")
        .select(["agent_label", "customer_label"])
        .where("id", "=", event.payload.to)
        .executeTakeFirstOrThrow();
      // Customers read the status in their language (an admin's translation of it); agents read their own label.
      const customerLabel = await textByLocale(trx, "status", event.payload.to, "customerLabel", status.customer_label);
      await notifyPeopleOnTicket(
        trx,
        config,
        ticket,
        "status-changed",
        (t, ticketUrl, _forGuest, forAgent) =>
          statusChanged(t, {
            number: ticket.number,
            subject: ticket.subject,
            status: forAgent ? status.agent_label : customerLabel(t.locale),
            ticketUrl,
          }),
        event.at,
        {
          except: event.actor.email ?? null,
          unproven: customerReasons.has(event.payload.reason)
            ? (t, ticketUrl, forGuest) =>
                statusNotice(t, { number: ticket.number, status: customerLabel(t.locale), ticketUrl, forGuest })
            : undefined,
        },
      );
      return;
    }
    case "created":
      if (event.payload.confirmation)
        await queueConfirmation(trx, config, event.ticketId, event.payload.confirmation, event.at);
      return;
    case "comment": {
      if (event.visibility !== "public") return;
      const ticket = await ticketOf(trx, event.ticketId);
      const comment = await plainText(event.payload);
      if (event.payload.fromAgent === false) await tellAgentsOfReply(trx, config, event, comment);
      await notifyPeopleOnTicket(
        trx,
        config,
        ticket,
        "comment-added",
        (t, ticketUrl, forGuest) =>
          commentAdded(t, {
            number: ticket.number,
            subject: ticket.subject,
            author: event.actor.name,
            comment,
            attachments: (event.payload.attachments ?? []).map((a) => a.fileName),
            ticketUrl,
            forGuest,
          }),
        event.at,
        {
          except: event.actor.email ?? null,
          only: event.payload.notify,
          unproven:
            event.payload.fromAgent === false
              ? (t, ticketUrl, forGuest) => replyNotice(t, { number: ticket.number, ticketUrl, forGuest })
              : undefined,
        },
      );
      return;
    }
    case "edited":
      await tellAssignee(trx, config, event);
      return;
    case "merged_into":
      await tellOfMerge(trx, config, event);
      return;
    case "sla_due":
    case "sla_overdue":
      await tellGroupOfTarget(trx, config, event);
      return;
    default:
      return;
  }
};
