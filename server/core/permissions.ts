import type { Permission } from "../../common/permissions.ts";
import { type Actor, hasPermission, type UserActor } from "./actor.ts";
import { AppError } from "./errors.ts";

/** Admin areas: visitors and access-link guests are asked to sign in, users without the permission are refused. */
export function requirePermission(actor: Actor, permission: Permission): UserActor {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to continue.");
  if (!hasPermission(actor, permission)) throw new AppError("forbidden", "You do not have access to this page.");
  return actor;
}

/**
 * What tickets say (webhook bodies, raw inbound mail) is read, or sent where an admin chooses, only by someone
 * who may see every ticket: `admin.settings` alone configures the channels, not what travels through them.
 */
export function requireEveryTicket(actor: Actor): UserActor {
  return requirePermission(actor, "tickets.view_all");
}

export function seesEveryTicket(actor: Actor): boolean {
  return actor.kind === "user" && hasPermission(actor, "tickets.view_all");
}
