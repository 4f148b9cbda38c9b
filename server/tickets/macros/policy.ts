import { type Actor, hasPermission } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";

/** Agents use and keep macros; administrators of settings manage the shared ones even without working tickets. */
export function requireMacroAccess(actor: Actor): void {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to use macros.");
  if (!hasPermission(actor, "tickets.work") && !hasPermission(actor, "admin.settings"))
    throw new AppError("forbidden", "Only agents can use macros.");
}

/** Macros a user may use: the shared ones and their own. */
export function ownerOf(actor: Actor): string | null {
  return actor.kind === "user" ? actor.user.id : null;
}

/** Shared macros are the administrators' (admin.settings); a personal one only its owner's. */
export function canManageMacro(actor: Actor, macro: { owner_id: string | null }): boolean {
  if (macro.owner_id === null) return hasPermission(actor, "admin.settings");
  return macro.owner_id === ownerOf(actor);
}
