import { type Actor, hasPermission } from "../../accounts/actor.ts";

/** Macros a user may use: the shared ones and their own. */
export function ownerOf(actor: Actor): string | null {
  return actor.kind === "user" ? actor.user.id : null;
}

/** Shared macros are the administrators' (admin.settings); a personal one only its owner's. */
export function canManageMacro(actor: Actor, macro: { owner_id: string | null }): boolean {
  if (macro.owner_id === null) return hasPermission(actor, "admin.settings");
  return macro.owner_id === ownerOf(actor);
}
