/**
 * The delayed survey job: when it runs, the survey goes out only if the
 * ticket is still solved by the same solve that scheduled it (not reopened,
 * closed or withdrawn meanwhile), surveys are still on for its group and
 * service, it has no survey yet, and the requester has an address. The link
 * and the mail are made in one transaction; a retry finds the survey made.
 */

import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { AppContext } from "../core/context.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { parseJobPayload } from "../jobs/payload.ts";
import type { JobHandler } from "../jobs/runner.ts";
import { queueMail } from "../mail/outbox.ts";
import { satisfactionSurvey } from "../mail/templates/satisfaction-survey.ts";
import { loadSatisfactionSettings, surveysFor } from "./settings.ts";
import { issueSurvey, surveyUrl } from "./surveys.ts";

const payloadSchema = z.object({ ticketId: z.string(), solvedEventId: z.string() });

/** Sends one ticket's survey if it still should go; answers whether it did. */
export async function sendSurvey(
  { db, config }: Pick<AppContext, "db" | "config">,
  job: z.infer<typeof payloadSchema>,
  at: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .leftJoin("satisfaction_surveys", "satisfaction_surveys.ticket_id", "tickets.id")
      .select([
        "tickets.id",
        "tickets.number",
        "tickets.subject",
        "tickets.group_id",
        "tickets.service_id",
        "tickets.requester_email",
        "tickets.locale",
        "statuses.category",
        "satisfaction_surveys.ticket_id as surveyed",
      ])
      .where("tickets.id", "=", job.ticketId)
      // Deleted between solving and the survey's delay: nobody is asked about it.
      .where("tickets.deleted_at", "is", null)
      .executeTakeFirst();
    if (ticket?.category !== "solved" || ticket.surveyed || !ticket.requester_email.includes("@")) {
      return false;
    }
    // Ids are time-ordered: the newest status change is the one that left the ticket where it is.
    const latest = await trx
      .selectFrom("ticket_events")
      .select("id")
      .where("ticket_id", "=", ticket.id)
      .where("type", "=", "status_changed")
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (latest?.id !== job.solvedEventId) return false;
    if (!surveysFor(await loadSatisfactionSettings(trx), ticket)) return false;
    const token = await issueSurvey(trx, ticket.id, ticket.requester_email, at);
    await queueMail(
      trx,
      {
        template: "satisfaction-survey",
        to: ticket.requester_email,
        ticketId: ticket.id,
        // In the requester's language: their profile's, else the one they wrote the request in.
        content: satisfactionSurvey(await recipientTranslator(trx, ticket.requester_email, ticket.locale), {
          number: ticket.number,
          subject: ticket.subject,
          goodUrl: surveyUrl(config.baseUrl, token, "good"),
          badUrl: surveyUrl(config.baseUrl, token, "bad"),
        }),
      },
      { baseUrl: config.baseUrl, at: at.toISOString() },
    );
    return true;
  });
}

export function sendSurveyHandler(context: Pick<AppContext, "db" | "config">, clock: Clock): JobHandler {
  return async (payload) => {
    await sendSurvey(context, parseJobPayload(payloadSchema, payload), clock());
  };
}
