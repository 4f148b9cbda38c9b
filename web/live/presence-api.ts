import type { PresenceInput } from "../../common/live.ts";
import { request } from "../api/client.ts";

/** Presence is a courtesy: a heartbeat that fails (offline, signed out) is simply not shown to others. */
export function sendPresence(number: number, state: PresenceInput["state"]): void {
  // "left" is often sent as the tab closes: keepalive lets it finish after the page is gone.
  const keepalive = state === "left";
  request(`/api/v1/tickets/${number}/presence`, { method: "POST", body: { state }, keepalive }).catch(() => {});
}
