import type { Permission } from "../../common/permissions.ts";
import { type Actor, hasPermission, type UserActor } from "./actor.ts";
import { AppError } from "./errors.ts";

/** Admin areas: visitors and access-link guests are asked to sign in, users without the permission are refused. */
export function requirePermission(actor: Actor, permission: Permission): UserActor {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to continue.");
  if (!hasPermission(actor, permission)) throw new AppError("forbidden", "You do not have access to this page.");
  return actor;
}
