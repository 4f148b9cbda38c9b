import type { SessionUser } from "../../common/accounts.ts";
import type { Permission } from "../../common/permissions.ts";

/** Signed in with a session cookie (session and CSRF token set) or an API token (both null). */
export type UserActor = { kind: "user"; user: SessionUser; sessionId: string | null; csrfToken: string | null };

/** Followed an emailed access link: may see and answer exactly one ticket, nothing else. */
export type GuestActor = {
  kind: "guest";
  ticketId: string;
  ticketNumber: number;
  email: string;
  /**
   * What the Feed and Read By call them: the requester's name when they are the requester (the name they gave, as
   * every other entry of theirs says it), their address when they are copied on the ticket.
   */
  name: string;
  sessionId: string;
  csrfToken: string;
};

/** Who is making a request. Every policy takes one of these. */
export type Actor = { kind: "anonymous" } | UserActor | GuestActor | SystemActor;

/** A visitor nobody knows: the public request form, a link without a session. */
export const anonymous: Actor = { kind: "anonymous" };

/**
 * No person: the help desk itself, acting on a schedule (auto-close after the reopen window). It may not see
 * or change anything through the policy (its scope is empty); the jobs that act as it load tickets themselves.
 */
export type SystemActor = { kind: "system" };
export const system: Actor = { kind: "system" };

// Plain booleans, not type guards: "false" must not narrow a user without the permission out of being a user.
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === "user" && actor.user.permissions.includes(permission);
}

export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && (actor.user.licence === "agent" || actor.user.licence === "admin");
}

/** Which face of a ticket an actor sees: staff get the agent view, everyone else the customer view. */
export const audienceOf = (actor: Actor): "agent" | "customer" => (isStaff(actor) ? "agent" : "customer");
