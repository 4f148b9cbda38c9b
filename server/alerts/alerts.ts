/** Personal alerts: who subscribed to what on a ticket, and firing them when their event happens. */
import type { Kysely, Transaction } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import { type AlertKind, alertLabels } from "../../common/alerts.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import { guestLinkUrl, issueGuestLink } from "../accounts/guest-links.ts";
import { toSessionUser } from "../accounts/queries.ts";
import type { Config } from "../config.ts";
import type { Actor } from "../core/actor.ts";
import type { Database } from "../db/schema.ts";
import { textByLocale } from "../i18n/content-text.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { alertFired } from "../mail/templates/alert-fired.ts";
import { ticketScope } from "../tickets/policy.ts";

/** Users subscribe as themselves; access-link guests by their email address. */
export function subscriberOf(actor: Actor): string | null {
  if (actor.kind === "user") return actor.user.id;
  if (actor.kind === "guest") return actor.email;
  return null;
}

export async function activeAlerts(db: Kysely<Database>, ticketId: string, subscriber: string): Promise<AlertKind[]> {
  const rows = await db
    .selectFrom("alert_subscriptions")
    .select("alert")
    .where("ticket_id", "=", ticketId)
    .where("subscriber", "=", subscriber)
    .orderBy("alert")
    .execute();
  return rows.map((r) => r.alert as AlertKind);
}

export async function subscribe(db: Kysely<Database>, ticketId: string, subscriber: string, alert: AlertKind) {
  await db
    .insertInto("alert_subscriptions")
    .values({ ticket_id: ticketId, subscriber, alert, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["ticket_id", "subscriber", "alert"]).doNothing())
    .execute();
}

export async function unsubscribe(db: Kysely<Database>, ticketId: string, subscriber: string, alert: AlertKind) {
  await db
    .deleteFrom("alert_subscriptions")
    .where("ticket_id", "=", ticketId)
    .where("subscriber", "=", subscriber)
    .where("alert", "=", alert)
    .execute();
}

/** Which alerts a status change fires: finishing the ticket, or work starting on a new one. */
export function alertsForStatusChange(from: StatusCategory, to: StatusCategory): AlertKind[] {
  if ((to === "solved" || to === "closed") && from !== "solved" && from !== "closed") return ["ticket_completed"];
  if (from === "new" && to === "open") return ["ticket_in_process"];
  return [];
}

/**
 * Queues one mail per subscriber of each alert, inside the change's own
 * transaction. Each reads the ticket as they know it: agents get the agent
 * label and the workspace page, customers the customer label and their
 * request page, guests a fresh access link.
 */
export async function fireAlerts(
  trx: Transaction<Database>,
  config: Pick<Config, "baseUrl">,
  ticket: { id: string; number: number; subject: string },
  kinds: AlertKind[],
  at: string,
): Promise<void> {
  if (!kinds.length) return;
  const subscriptions = await trx
    .selectFrom("alert_subscriptions")
    .leftJoin("users", "users.id", "alert_subscriptions.subscriber")
    .select([
      "alert_subscriptions.subscriber",
      "alert_subscriptions.alert",
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.licence",
      "users.disabled_at",
    ])
    .where("alert_subscriptions.ticket_id", "=", ticket.id)
    .where("alert_subscriptions.alert", "in", kinds)
    .execute();
  if (!subscriptions.length) return;
  const status = await trx
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select(["statuses.id", "statuses.agent_label", "statuses.customer_label"])
    .where("tickets.id", "=", ticket.id)
    .executeTakeFirstOrThrow();
  const customerLabel = await textByLocale(trx, "status", status.id, "customerLabel", status.customer_label);
  for (const s of subscriptions) {
    // Access is checked when the mail is made, not when the alert was chosen: someone who lost it hears nothing.
    if (!(await stillReaches(trx, ticket.id, s))) continue;
    const email = s.email ?? s.subscriber;
    const agent = s.licence === "agent" || s.licence === "admin";
    const ticketUrl = agent
      ? `${config.baseUrl}/agent/tickets/${ticket.number}`
      : s.email
        ? `${config.baseUrl}/requests/${ticket.number}`
        : guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticket.id, email, new Date(at)));
    const t = await recipientTranslator(trx, email);
    await queueMail(
      trx,
      {
        template: "alert-fired",
        to: email,
        ticketId: ticket.id,
        content: alertFired(t, {
          number: ticket.number,
          subject: ticket.subject,
          alert: alertLabels[s.alert as AlertKind],
          status: agent ? status.agent_label : customerLabel(t.locale),
          ticketUrl,
        }),
      },
      { baseUrl: config.baseUrl, at },
    );
  }
}

/**
 * Whether a subscriber may still read the ticket: a user through the ticket
 * scope with the roles they have now (and not disabled); an access-link guest
 * while their address is still the requester's or copied on it.
 */
async function stillReaches(
  trx: Transaction<Database>,
  ticketId: string,
  s: {
    subscriber: string;
    user_id: string | null;
    email: string | null;
    name: string | null;
    licence: Licence | null;
    disabled_at: string | null;
  },
): Promise<boolean> {
  if (s.user_id && s.email && s.name && s.licence) {
    if (s.disabled_at !== null) return false;
    const user = await toSessionUser(trx, { id: s.user_id, email: s.email, name: s.name, licence: s.licence });
    const actor: Actor = { kind: "user", user, sessionId: null, csrfToken: null };
    const row = await trx
      .selectFrom("tickets")
      .select("tickets.id")
      .where("tickets.id", "=", ticketId)
      .where(ticketScope(actor))
      .executeTakeFirst();
    return row !== undefined;
  }
  const onTicket = await trx
    .selectFrom("tickets")
    .select("tickets.id")
    .where("tickets.id", "=", ticketId)
    .where((eb) =>
      eb.or([
        eb("tickets.requester_email", "=", s.subscriber),
        eb.exists(
          eb
            .selectFrom("ticket_ccs")
            .select("ticket_ccs.email")
            .whereRef("ticket_ccs.ticket_id", "=", "tickets.id")
            .where("ticket_ccs.email", "=", s.subscriber),
        ),
      ]),
    )
    .executeTakeFirst();
  return onTicket !== undefined;
}
