import type { SessionUser } from "../../common/accounts.ts";

/** Who is making a request. Every policy takes one of these. */
export type Actor = { kind: "anonymous" } | { kind: "user"; user: SessionUser; sessionId: string; csrfToken: string };

export const anonymous: Actor = { kind: "anonymous" };

export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && (actor.user.licence === "agent" || actor.user.licence === "admin");
}
