/** Rating a ticket's support: from the survey link (no sign-in) or from the requester's ticket page. */
import type { SatisfactionInput, Survey, TicketSatisfaction } from "../../common/satisfaction.ts";
import { type Actor, isStaff } from "../core/actor.ts";
import type { AppContext } from "../core/context.ts";
import { now } from "../db/engine.ts";
import { actorName, loadTicket } from "../tickets/lifecycle.ts";
import { invalidSurveyLink, notTheRequester } from "./policy.ts";
import { describeSurvey, recordRating, ticketOfSurveyLink } from "./surveys.ts";

type Ctx = Pick<AppContext, "db" | "config">;

/** The survey behind a link; one "not valid" answer for unknown, tampered-with and expired links alike. */
export async function surveyByLink(ctx: Ctx, token: string): Promise<Survey> {
  const ticket = await ticketOfSurveyLink(ctx.db, token, new Date(now()));
  if (!ticket) throw invalidSurveyLink();
  return { ticketNumber: ticket.number, subject: ticket.subject, ...(await describeSurvey(ctx.db, ticket, true)) };
}

/** The link is the requester's proof: it was mailed to them and works for their ticket only. */
export async function rateByLink(ctx: Ctx, token: string, input: SatisfactionInput): Promise<void> {
  const at = now();
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await ticketOfSurveyLink(trx, token, new Date(at));
    if (!ticket) throw invalidSurveyLink();
    const rater = { id: ticket.requester_id, name: ticket.requester_name || ticket.email, email: ticket.email };
    await recordRating(trx, ctx, ticket, rater, input, at);
  });
}

/** The requester (signed in or through their access link) rates from the ticket's page. */
export async function rateFromTicket(ctx: Ctx, actor: Actor, number: number, input: SatisfactionInput): Promise<void> {
  const at = now();
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "view");
    if (!ticket.standing.requester) throw notTheRequester();
    await recordRating(trx, ctx, { ...ticket, email: ticket.requester_email }, actorName(actor), input, at);
  });
}

/** A ticket's rating for whoever can see the ticket; only its requester may rate. */
export async function ticketSatisfaction(ctx: Ctx, actor: Actor, number: number): Promise<TicketSatisfaction> {
  const ticket = await ctx.db.transaction().execute((trx) => loadTicket(trx, actor, number, "view", "check"));
  // The answer is the requester's word to the agents: people copied and colleagues do not read it.
  if (!ticket.standing.requester && !isStaff(actor))
    return { answer: null, surveySentAt: null, canRate: false, reasons: [] };
  return describeSurvey(ctx.db, ticket, ticket.standing.requester);
}
