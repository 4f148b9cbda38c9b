import { useEffect, useRef } from "react";
import {
  type LiveTicketNotice,
  liveTicketNoticeSchema,
  type PresenceNotice,
  presenceNoticeSchema,
} from "../../common/live.ts";
import { reportLiveConnection } from "./live-connection.ts";

export type LiveHandlers = {
  onTicket?: (notice: LiveTicketNotice) => void;
  onPresence?: (notice: PresenceNotice) => void;
  /** The stream came back after a break: whatever happened meanwhile was not announced. */
  onReconnect?: () => void;
};

/**
 * Keeps the server's live stream open while the component is mounted. The
 * stream says only that something changed; handlers refetch through the
 * ordinary queries. The browser reconnects by itself after a break, and stops
 * for good if the server refuses (signed out) or answers with an error; either
 * way the page says its updates are paused (live-connection.ts).
 */
export function useLiveStream(ticket: number | null, handlers: LiveHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(ticket === null ? "/api/v1/live" : `/api/v1/live?ticket=${ticket}`);
    const stream = Symbol("live stream");
    // A break, even before the first connection: whatever changed meanwhile, after the page read its data, was not
    // announced, so the stream's (re)opening refetches.
    let broke = false;
    source.addEventListener("open", () => {
      reportLiveConnection(stream, "live");
      if (broke) current.current.onReconnect?.();
      broke = false;
    });
    source.addEventListener("error", () => {
      broke = true;
      reportLiveConnection(stream, source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
    });
    source.addEventListener("ticket", (event) => {
      const parsed = liveTicketNoticeSchema.safeParse(parseData(event));
      if (parsed.success) current.current.onTicket?.(parsed.data);
    });
    source.addEventListener("presence", (event) => {
      const parsed = presenceNoticeSchema.safeParse(parseData(event));
      if (parsed.success) current.current.onPresence?.(parsed.data);
    });
    return () => {
      source.close();
      reportLiveConnection(stream, null);
    };
  }, [ticket]);
}

function parseData(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return undefined;
  }
}
