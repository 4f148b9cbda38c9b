import { permissionNames } from "../../common/permissions.ts";
import type { Config } from "../config.ts";
import { type Actor, hasPermission } from "../core/actor.ts";

/**
 * The dev mailbox holds every message, sign-in links included: public only where only this machine can reach
 * it, otherwise for an admin who holds every permission. Anyone less could open another admin's reset link
 * and become them (the rule of accounts/permissions.ts: nobody gains a permission they do not hold).
 */
export function canReadDevMailbox(actor: Actor, config: Pick<Config, "devMailbox">): boolean {
  if (config.devMailbox === "public") return true;
  if (config.devMailbox === "admins") {
    return (
      actor.kind === "user" &&
      actor.user.licence === "admin" &&
      permissionNames.every((permission) => hasPermission(actor, permission))
    );
  }
  return false;
}
