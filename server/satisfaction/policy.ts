/**
 * Who may rate a ticket's support, and when. The requester only (signed in,
 * through their access link, or holding the survey link that was mailed to
 * them); once the ticket is solved (or already rated); never after it closed.
 */
import type { StatusCategory } from "../../common/tickets.ts";
import { isClosed } from "../../common/tickets.ts";
import { AppError } from "../core/errors.ts";

export type RatingState = { category: StatusCategory; answered: boolean };

/** Why a rating cannot be given now, or null when it can. */
export function ratingRefusal(state: RatingState): AppError | null {
  if (isClosed(state.category))
    return new AppError("conflict", "This request is closed, so its rating can no longer be changed.");
  if (state.category !== "solved" && !state.answered)
    return new AppError("conflict", "You can rate the support once the request is solved.");
  return null;
}

export const notTheRequester = () =>
  new AppError("forbidden", "Only the requester can rate the support on this request.");

/** One answer for every link that does not work (unknown, tampered with, expired), so links cannot be probed. */
export const invalidSurveyLink = () =>
  new AppError("not_found", "This rating link is not valid. Use the newest link from your email.");
