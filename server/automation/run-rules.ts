/**
 * Running admin-defined automation: triggers when a ticket is created, time
 * rules when a ticket has waited N business days in a status category. What
 * a rule does is written to the ticket (with an internal event) and to the
 * automation log, in one transaction; the log's unique (rule, ticket, occasion)
 * makes a rule act once per occasion however many runners look.
 */

import type { Transaction } from "kysely";
import {
  type AutomationActions,
  type AutomationOutcome,
  automationActionsSchema,
  englishOutcome,
} from "../../common/automation.ts";
import { slaConditionsSchema } from "../../common/service-levels.ts";
import type { PayloadOf } from "../../common/ticket-events.ts";
import type { Priority } from "../../common/tickets.ts";
import type { Config } from "../config.ts";
import type { AppContext } from "../core/context.ts";
import { decodeJson, encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { ruleNotice } from "../mail/templates/rule-notice.ts";
import { satisfactionRatedBad } from "../mail/templates/satisfaction-rated-bad.ts";
import { waitingReminder } from "../mail/templates/waiting-reminder.ts";
import { notifyPeopleOnTicket } from "../notifications/people-on-ticket.ts";
import { addBusinessDays } from "../sla/calendar.ts";
import { calendarFor } from "../sla/calendars.ts";
import { policyMatches } from "../sla/ticket-clock.ts";
import { recordEvent } from "../tickets/events.ts";

type Trx = Transaction<Database>;
type Rule = { id: string; name: string; conditions: unknown; actions: unknown };

function ticketFacts(trx: Trx, ticketId: string) {
  return trx
    .selectFrom("tickets")
    .select([
      "id",
      "number",
      "subject",
      "priority",
      "service_id",
      "organization_id",
      "ticket_type_id",
      "group_id",
      "requester_email",
      "requester_id",
      "requester_name",
    ])
    .where("id", "=", ticketId)
    .executeTakeFirstOrThrow();
}

/** The group's lead, if they still are an enabled agent in it (a stale lead is no lead: nobody is mailed). */
function groupLead(trx: Trx, groupId: string | null) {
  if (!groupId) return Promise.resolve(undefined);
  return trx
    .selectFrom("groups")
    .innerJoin("users", "users.id", "groups.lead_id")
    .innerJoin("group_members", (join) =>
      join.onRef("group_members.group_id", "=", "groups.id").onRef("group_members.user_id", "=", "users.id"),
    )
    .select(["users.name", "users.email"])
    .where("groups.id", "=", groupId)
    .where("users.licence", "in", ["agent", "admin"])
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
}

/**
 * Claims the occasion in the log and, if this transaction got it, does what
 * the rule says. Resolves with false when the rule already acted on it.
 */
async function act(
  trx: Trx,
  config: Pick<Config, "baseUrl" | "reopenWindowDays">,
  rule: Rule,
  ticketId: string,
  runKey: string,
  at: string,
  /** What a "rated Bad" trigger tells the address it mails. */
  rating?: PayloadOf<"satisfaction_rated">,
): Promise<boolean> {
  const actions: AutomationActions = automationActionsSchema.parse(decodeJson(rule.actions));
  const ticket = await ticketFacts(trx, ticketId);
  // What it did as codes, worded by each reader in their own language; the English summary for older clients.
  const done: AutomationOutcome[] = [];
  const changes: { groupId?: string; priority?: Priority } = {};
  if (actions.groupId && actions.groupId !== ticket.group_id) {
    const group = await trx.selectFrom("groups").select("name").where("id", "=", actions.groupId).executeTakeFirst();
    if (group) {
      changes.groupId = actions.groupId;
      done.push({ code: "assigned", group: group.name });
    }
  }
  if (actions.priority && actions.priority !== ticket.priority) {
    changes.priority = actions.priority;
    done.push({ code: "priority", priority: actions.priority });
  }
  if (actions.remindRequester) done.push({ code: "reminded" });
  if (actions.notifyEmail) done.push({ code: "notified", email: actions.notifyEmail });
  // The lead of the group the ticket is in once this rule has moved it.
  const lead = actions.notifyGroupLead ? await groupLead(trx, changes.groupId ?? ticket.group_id) : undefined;
  if (actions.notifyGroupLead)
    done.push(lead ? { code: "groupLeadNotified", name: lead.name } : { code: "noGroupLead" });
  const summary = englishOutcome(done);
  const logged = await trx
    .insertInto("automation_runs")
    .values({
      id: newId(),
      rule_id: rule.id,
      ticket_id: ticketId,
      run_key: runKey,
      summary,
      outcome: encodeJson(done),
      ran_at: at,
    })
    .onConflict((oc) => oc.columns(["rule_id", "ticket_id", "run_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!logged) return false;
  if (!done.length) return true;

  if (changes.groupId || changes.priority) {
    await trx
      .updateTable("tickets")
      .set({
        ...(changes.groupId ? { group_id: changes.groupId } : {}),
        ...(changes.priority ? { priority: changes.priority } : {}),
        updated_at: at,
      })
      .where("id", "=", ticketId)
      .execute();
  }
  // Its reactions work the targets out again when the priority or group changed.
  await recordEvent(
    trx,
    { config },
    {
      ticketId,
      type: "automation_applied",
      actor: { id: null, name: `Automation: ${rule.name}` },
      visibility: "internal",
      payload: { ruleId: rule.id, rule: rule.name, summary, outcome: done, ...changes },
      at,
    },
  );
  if (actions.remindRequester) {
    await notifyPeopleOnTicket(
      trx,
      config,
      ticket,
      "waiting-reminder",
      (t, ticketUrl) => waitingReminder(t, { number: ticket.number, subject: ticket.subject, ticketUrl }),
      at,
      { except: null },
    );
  }
  // One mail per address, should the rule name the lead's address as well.
  const recipients = new Set([actions.notifyEmail, lead?.email].filter((to): to is string => !!to));
  for (const to of recipients) {
    const ticketUrl = `${config.baseUrl}/agent/tickets/${ticket.number}`;
    const common = { number: ticket.number, subject: ticket.subject, ticketUrl, rule: rule.name };
    const t = await recipientTranslator(trx, to);
    await queueMail(
      trx,
      {
        template: rating ? "satisfaction-rated-bad" : "rule-notice",
        to,
        ticketId,
        content: rating
          ? satisfactionRatedBad(t, {
              ...common,
              requester: ticket.requester_name || ticket.requester_email,
              reason: rating.reason ?? null,
              comment: rating.comment ?? null,
            })
          : ruleNotice(t, common),
      },
      { baseUrl: config.baseUrl, at },
    );
  }
  return true;
}

async function matches(trx: Trx, rule: Rule, ticketId: string): Promise<boolean> {
  const facts = await ticketFacts(trx, ticketId);
  return policyMatches(slaConditionsSchema.parse(decodeJson(rule.conditions)), facts);
}

/** Runs every active trigger, in order, on a ticket just created (inside its transaction). */
export async function runCreationTriggers(
  trx: Trx,
  config: Pick<Config, "baseUrl" | "reopenWindowDays">,
  ticketId: string,
  at: string,
): Promise<void> {
  const rules = await trx
    .selectFrom("automation_rules")
    .select(["id", "name", "conditions", "actions"])
    .where("kind", "=", "trigger")
    .where("active", "=", 1)
    .orderBy("position")
    .orderBy("id")
    .execute();
  // Each rule sees the ticket as the rules before it left it.
  for (const rule of rules) {
    if (await matches(trx, rule, ticketId)) await act(trx, config, rule, ticketId, "created", at);
  }
}

/**
 * "Rated Bad" triggers, when a requester rates the support Bad (or changes
 * their answer to Bad): each acts once per answer, keyed by its event.
 */
export async function runRatedBadTriggers(
  trx: Trx,
  config: Pick<Config, "baseUrl" | "reopenWindowDays">,
  ticketId: string,
  eventId: string,
  rating: PayloadOf<"satisfaction_rated">,
  at: string,
): Promise<void> {
  const rules = await trx
    .selectFrom("automation_rules")
    .select(["id", "name", "conditions", "actions"])
    .where("kind", "=", "satisfaction_bad")
    .where("active", "=", 1)
    .orderBy("position")
    .orderBy("id")
    .execute();
  for (const rule of rules) {
    if (await matches(trx, rule, ticketId)) await act(trx, config, rule, ticketId, `rated:${eventId}`, at, rating);
  }
}

/**
 * Time rules: for each ticket that has been in the rule's status category for
 * its number of business days (counted from when it entered that status, in
 * its group's or the default calendar), do what the rule says, once per stay.
 */
export async function runTimeRules(
  ctx: Pick<AppContext, "db" | "config">,
  at: Date,
  signal?: AbortSignal,
): Promise<number> {
  const { db, config } = ctx;
  const now = at.toISOString();
  const rules = await db
    .selectFrom("automation_rules")
    .select(["id", "name", "conditions", "actions", "status_category", "after_business_days"])
    .where("kind", "=", "time_rule")
    .where("active", "=", 1)
    .orderBy("position")
    .orderBy("id")
    .execute();
  let ran = 0;
  for (const rule of rules) {
    if (!rule.status_category || !rule.after_business_days) continue;
    const tickets = await db
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .leftJoin("automation_runs", (join) =>
        join.onRef("automation_runs.ticket_id", "=", "tickets.id").on("automation_runs.rule_id", "=", rule.id),
      )
      .select((eb) => [
        "tickets.id",
        "tickets.group_id",
        "tickets.created_at",
        eb
          .selectFrom("ticket_events")
          .select((e) => e.fn.max("ticket_events.created_at").as("at"))
          .whereRef("ticket_events.ticket_id", "=", "tickets.id")
          .where("ticket_events.type", "=", "status_changed")
          .as("entered_at"),
        "automation_runs.run_key",
      ])
      .where("statuses.category", "=", rule.status_category)
      // A deleted ticket is out of every scan: no reminder or change for a ticket nobody can see.
      .where("tickets.deleted_at", "is", null)
      .limit(1000)
      .execute();
    for (const ticket of tickets) {
      // Asked to stop (shutdown, the job's timeout): between two tickets; the next run goes on from there.
      signal?.throwIfAborted();
      const enteredAt = ticket.entered_at ?? ticket.created_at;
      // Already acted on this stay in the status.
      if (tickets.some((t) => t.id === ticket.id && t.run_key === enteredAt)) continue;
      const cal = await calendarFor(db, { groupId: ticket.group_id });
      if (addBusinessDays(cal, new Date(enteredAt), rule.after_business_days) > at) continue;
      const done = await db.transaction().execute(async (trx) => {
        if (!(await matches(trx, rule, ticket.id))) return false;
        return act(trx, config, rule, ticket.id, enteredAt, now);
      });
      if (done) ran += 1;
    }
  }
  return ran;
}
