/**
 * One survey per ticket: the link mailed to the requester (stored hashed,
 * like guest access links) and their answer. The answer changes in place;
 * every answer given is also a `satisfaction_rated` event on the ticket.
 */
import type { Kysely, Transaction } from "kysely";
import type { SatisfactionAnswer, SatisfactionInput, TicketSatisfaction } from "../../common/satisfaction.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import { hashToken, newToken } from "../accounts/tokens.ts";
import { AppError } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";
import { type EventActor, type ReactionContext, recordEvent } from "../tickets/events.ts";
import { ratingRefusal } from "./policy.ts";
import { listSatisfactionReasons } from "./reasons.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A survey link works this long after it was sent (and never once its ticket is closed). */
export const surveyLinkLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export function surveyUrl(baseUrl: string, token: string, rating: "good" | "bad"): string {
  return `${baseUrl}/rate/${token}/${rating}`;
}

/** Starts the ticket's survey with a fresh link; answers the link's token (only ever held in the mail). */
export async function issueSurvey(
  trx: Transaction<Database>,
  ticketId: string,
  email: string,
  at: Date,
): Promise<string> {
  const token = newToken();
  await trx
    .insertInto("satisfaction_surveys")
    .values({
      ticket_id: ticketId,
      email,
      token_hash: hashToken(token),
      expires_at: new Date(at.getTime() + surveyLinkLifetimeMs).toISOString(),
      sent_at: at.toISOString(),
      rating: null,
      comment: null,
      reason: null,
      rated_at: null,
      created_at: at.toISOString(),
    })
    .execute();
  return token;
}

type SurveyRow = Pick<
  Database["satisfaction_surveys"],
  "ticket_id" | "sent_at" | "rating" | "comment" | "reason" | "rated_at"
>;

export function answerOf(row: SurveyRow | undefined): SatisfactionAnswer | null {
  if (!row?.rating || !row.rated_at) return null;
  return {
    rating: row.rating,
    comment: row.comment,
    reason: row.reason,
    ratedAt: new Date(row.rated_at).toISOString(),
  };
}

export function surveyOf(db: Db, ticketId: string) {
  return db
    .selectFrom("satisfaction_surveys")
    .select(["ticket_id", "sent_at", "rating", "comment", "reason", "rated_at"])
    .where("ticket_id", "=", ticketId)
    .executeTakeFirst();
}

/** The ticket a survey link names, if the link is one we sent and it has not expired. */
export async function ticketOfSurveyLink(db: Db, token: string, at: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return (
    db
      .selectFrom("satisfaction_surveys")
      .innerJoin("tickets", "tickets.id", "satisfaction_surveys.ticket_id")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select([
        "tickets.id",
        "tickets.number",
        "tickets.subject",
        "tickets.requester_id",
        "tickets.requester_name",
        "satisfaction_surveys.email",
        "statuses.category",
      ])
      .where("satisfaction_surveys.token_hash", "=", hashToken(token))
      .where("satisfaction_surveys.expires_at", ">", at.toISOString())
      // A deleted ticket's survey link answers like an unknown one: no subject shown, no rating recorded.
      .where("tickets.deleted_at", "is", null)
      .executeTakeFirst()
  );
}

/** The survey as its reader sees it; `mayRate` says whether this reader is the one who answers. */
export async function describeSurvey(
  db: Kysely<Database>,
  ticket: { id: string; category: StatusCategory },
  mayRate: boolean,
): Promise<TicketSatisfaction> {
  const [row, reasons] = await Promise.all([surveyOf(db, ticket.id), listSatisfactionReasons(db)]);
  const answer = answerOf(row);
  return {
    answer,
    surveySentAt: row?.sent_at ? new Date(row.sent_at).toISOString() : null,
    canRate: mayRate && ratingRefusal({ category: ticket.category, answered: answer !== null }) === null,
    reasons,
  };
}

/**
 * Records the requester's answer, or their change of mind, in the caller's
 * transaction: the survey row and a `satisfaction_rated` event (whose
 * reactions may run a "rated Bad" trigger). Giving the same answer again
 * changes nothing and records nothing, so a link clicked twice counts once.
 */
export async function recordRating(
  trx: Transaction<Database>,
  ctx: ReactionContext,
  ticket: { id: string; category: StatusCategory; email: string },
  rater: EventActor,
  input: SatisfactionInput,
  at: string,
): Promise<void> {
  const existing = await surveyOf(trx, ticket.id);
  const refused = ratingRefusal({ category: ticket.category, answered: answerOf(existing) !== null });
  if (refused) throw refused;
  let reason: string | null = null;
  if (input.rating === "bad" && input.reasonId) {
    const found = await trx
      .selectFrom("satisfaction_reasons")
      .select("label")
      .where("id", "=", input.reasonId)
      .executeTakeFirst();
    if (!found)
      throw new AppError("validation_failed", "Some fields need attention.", {
        reasonId: "Choose a reason from the list.",
      });
    reason = found.label;
  }
  const previous = existing?.rating ?? null;
  if (previous === input.rating && existing?.comment === input.comment && existing?.reason === reason) return;
  const answer = { rating: input.rating, comment: input.comment, reason, rated_at: at };
  if (existing) {
    await trx.updateTable("satisfaction_surveys").set(answer).where("ticket_id", "=", ticket.id).execute();
  } else {
    await trx
      .insertInto("satisfaction_surveys")
      .values({
        ticket_id: ticket.id,
        email: ticket.email,
        token_hash: null,
        expires_at: null,
        sent_at: null,
        created_at: at,
        ...answer,
      })
      .execute();
  }
  await recordEvent(trx, ctx, {
    ticketId: ticket.id,
    type: "satisfaction_rated",
    actor: rater,
    // Agents read answers; the requester knows theirs from the survey page.
    visibility: "internal",
    payload: { rating: input.rating, previous, comment: input.comment, reason },
    at,
  });
}
