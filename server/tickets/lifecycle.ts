/**
 * The steps every lifecycle command shares: loading the ticket the actor may
 * change, moving it to another status (event, solved time, mail), and telling
 * the people on the ticket.
 */
import type { Transaction } from "kysely";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Actor } from "../accounts/actor.ts";
import { guestLinkUrl, issueGuestLink } from "../accounts/guest-links.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/schema.ts";
import { AppError, notFound } from "../http/errors.ts";
import { queueMail } from "../mail/outbox.ts";
import type { RenderedMail } from "../mail/render.ts";
import { statusChanged } from "../mail/templates/status-changed.ts";
import { serviceLevelsAfterStatusChange } from "../sla/ticket-clock.ts";
import { alertsForStatusChange, fireAlerts } from "./alerts.ts";
import { insertTicketEvent } from "./events.ts";
import { refusal, standingOn, type TicketAction, type TicketStanding, ticketScope } from "./policy.ts";

export type LoadedTicket = {
  id: string;
  number: number;
  subject: string;
  requester_email: string;
  requester_id: string | null;
  status_id: string;
  category: StatusCategory;
  solved_at: string | null;
  /** 1 when the ticket's (closed) status lets the customer reopen it by replying. */
  customers_may_reopen?: number;
};

export function actorName(actor: Actor): { id: string | null; name: string } {
  if (actor.kind === "user") return { id: actor.user.id, name: actor.user.name };
  if (actor.kind === "guest") return { id: null, name: actor.email };
  // No person: the help desk itself acting on a schedule (auto-close after the reopen window).
  return { id: null, name: "Switchboard (automatic)" };
}

/**
 * The ticket, through the actor's scope (`ticketScope`: out of reach reads as
 * "not found"), for one action the ticket policy must allow (`refusal`: a
 * ticket they see but may not change this way is "forbidden", with the rule
 * that applies). Every command that changes a ticket loads it here, so no
 * write can skip the policy.
 */
export async function loadTicket(
  trx: Transaction<Database>,
  actor: Actor,
  number: number,
  action: TicketAction,
): Promise<LoadedTicket & { standing: TicketStanding }> {
  const ticket = await trx
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select([
      "tickets.id",
      "tickets.number",
      "tickets.subject",
      "tickets.requester_email",
      "tickets.requester_id",
      "tickets.status_id",
      "tickets.solved_at",
      "tickets.group_id",
      "tickets.assignee_id",
      "statuses.category",
      "statuses.customers_may_reopen",
    ])
    .where(ticketScope(actor))
    .where("tickets.number", "=", number)
    .executeTakeFirst();
  if (!ticket) throw notFound("That ticket");
  const standing = await standingOn(trx, actor, ticket);
  const refused = refusal(actor, standing, action);
  if (refused !== null) throw new AppError("forbidden", refused);
  return { ...ticket, standing };
}

export async function firstStatusIn(trx: Transaction<Database>, category: StatusCategory) {
  return trx
    .selectFrom("statuses")
    .select(["id", "customer_label"])
    .where("category", "=", category)
    .orderBy("position")
    .executeTakeFirst();
}

/**
 * Mails the requester and everyone CC'd: guests (no account) get a fresh
 * personal access link, account holders the portal page.
 */
export async function notifyPeopleOnTicket(
  trx: Transaction<Database>,
  config: Pick<Config, "baseUrl">,
  ticket: Pick<LoadedTicket, "id" | "number" | "requester_email" | "requester_id">,
  template: string,
  render: (ticketUrl: string, forGuest: boolean, forAgent: boolean) => RenderedMail,
  at: string,
  except: string | null,
  only?: string[],
): Promise<void> {
  const ccs = await trx.selectFrom("ticket_ccs").select("email").where("ticket_id", "=", ticket.id).execute();
  const accounts = await trx
    .selectFrom("users")
    .select(["email", "licence"])
    .where("email", "in", [ticket.requester_email, ...ccs.map((c) => c.email)])
    .where("email_confirmed_at", "is not", null)
    .execute();
  const recipients = [...new Set([ticket.requester_email, ...ccs.map((c) => c.email)])]
    .filter((e) => e !== except)
    // A chosen list narrows the people on the ticket; it never adds anyone who is not on it.
    .filter((e) => only === undefined || only.includes(e));
  for (const email of recipients) {
    const account = accounts.find((a) => a.email === email);
    const forGuest = !account;
    // An agent copied on a ticket works it from the workspace, not from the customer's page.
    const forAgent = account?.licence === "agent" || account?.licence === "admin";
    const ticketUrl = forGuest
      ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticket.id, email, new Date(at)))
      : forAgent
        ? `${config.baseUrl}/agent/tickets/${ticket.number}`
        : `${config.baseUrl}/requests/${ticket.number}`;
    await queueMail(
      trx,
      { template, to: email, content: render(ticketUrl, forGuest, forAgent), ticketId: ticket.id },
      { baseUrl: config.baseUrl, at },
    );
  }
}

/** Moves the ticket, writes the event, keeps solved_at, and tells requester and CCs what customers now see. */
export async function moveToStatus(
  trx: Transaction<Database>,
  config: Pick<Config, "baseUrl" | "reopenWindowDays">,
  actor: Actor,
  ticket: LoadedTicket,
  to: { id: string; customer_label: string; category?: StatusCategory },
  reason: string,
  at: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const category =
    to.category ??
    (await trx.selectFrom("statuses").select("category").where("id", "=", to.id).executeTakeFirstOrThrow()).category;
  await trx
    .updateTable("tickets")
    .set({
      status_id: to.id,
      updated_at: at,
      solved_at: category === "solved" ? at : category === "closed" ? ticket.solved_at : null,
    })
    .where("id", "=", ticket.id)
    .execute();
  await serviceLevelsAfterStatusChange(trx, config, ticket.id, at);
  await insertTicketEvent(trx, {
    ticketId: ticket.id,
    type: "status_changed",
    actor: actorName(actor),
    visibility: "public",
    payload: { from: ticket.status_id, to: to.id, reason, ...extra },
    at,
  });
  await fireAlerts(trx, config, ticket, alertsForStatusChange(ticket.category, category), at);
  const agentLabel = await trx
    .selectFrom("statuses")
    .select("agent_label")
    .where("id", "=", to.id)
    .executeTakeFirstOrThrow();
  const by = actor.kind === "user" ? actor.user.email : actor.kind === "guest" ? actor.email : null;
  await notifyPeopleOnTicket(
    trx,
    config,
    ticket,
    "status-changed",
    (ticketUrl, _forGuest, forAgent) =>
      statusChanged({
        number: ticket.number,
        subject: ticket.subject,
        status: forAgent ? agentLabel.agent_label : to.customer_label,
        ticketUrl,
      }),
    at,
    by,
  );
}
