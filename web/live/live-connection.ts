import { useSyncExternalStore } from "react";

/**
 * How the page's live streams are doing: `live` (or none open), `reconnecting` (a stream broke and the browser is
 * trying again: the server is down or the network is), `stopped` (the browser gave up: the server answered with an
 * error, or refused a signed-out reader). Until a stream is back, what the page shows may be out of date, and the
 * reader is told so (LiveConnectionNotice) instead of trusting a queue that no longer moves.
 */
export type LiveConnection = "live" | "reconnecting" | "stopped";

const streams = new Map<symbol, LiveConnection>();
const listeners = new Set<() => void>();
let current: LiveConnection = "live";

/** One stream's state; `null` when it closes with its page. */
export function reportLiveConnection(stream: symbol, state: LiveConnection | null): void {
  if (state === null) streams.delete(stream);
  else streams.set(stream, state);
  const states = [...streams.values()];
  const next = states.includes("stopped") ? "stopped" : states.includes("reconnecting") ? "reconnecting" : "live";
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnection(): LiveConnection {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => "live",
  );
}
