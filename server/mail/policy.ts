import type { Config } from "../config.ts";
import type { Actor } from "../core/actor.ts";

/** The dev mailbox holds every message, sign-in links included: public only where only this machine can reach it. */
export function canReadDevMailbox(actor: Actor, config: Pick<Config, "devMailbox">): boolean {
  if (config.devMailbox === "public") return true;
  if (config.devMailbox === "admins") return actor.kind === "user" && actor.user.licence === "admin";
  return false;
}
