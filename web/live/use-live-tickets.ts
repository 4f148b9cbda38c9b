import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useLiveStream } from "./use-live-stream.ts";

/** Many events at once (a bulk change, a burst of mail) make one refetch, not one each. */
const settleMs = 300;

function useDebounced(run: () => void): () => void {
  return useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(run, settleMs);
    };
  }, [run]);
}

/**
 * Ticket lists (queues) refetch when a ticket the reader may see is created or
 * changes. Everything under the "tickets" query key is marked stale; only what
 * is on screen refetches, so any list or queue query kept under that key follows.
 */
export function useLiveTickets(): void {
  const queryClient = useQueryClient();
  const refresh = useDebounced(
    useMemo(() => () => void queryClient.invalidateQueries({ queryKey: ["tickets"] }), [queryClient]),
  );
  useLiveStream(null, {
    // Someone opening a ticket changes nothing a list shows.
    onTicket: (notice) => notice.type !== "viewed" && refresh(),
    onReconnect: refresh,
  });
}

/**
 * One open ticket refetches itself, its Feed and Read By when it changes.
 * `handlers` let the agent page listen to the same stream (presence, replies).
 */
export function useLiveTicket(number: number, handlers: Parameters<typeof useLiveStream>[1] = {}): void {
  const queryClient = useQueryClient();
  const refresh = useDebounced(
    useMemo(
      () => () => {
        void queryClient.invalidateQueries({ queryKey: ["tickets", "detail", number] });
        void queryClient.invalidateQueries({ queryKey: ["tickets", "conversation", number] });
      },
      [queryClient, number],
    ),
  );
  const refreshReadBy = useDebounced(
    useMemo(
      () => () => void queryClient.invalidateQueries({ queryKey: ["tickets", "conversation", number, "read-by"] }),
      [queryClient, number],
    ),
  );
  useLiveStream(number, {
    ...handlers,
    onTicket: (notice) => {
      if (notice.number === number) (notice.type === "viewed" ? refreshReadBy : refresh)();
      handlers.onTicket?.(notice);
    },
    onReconnect: () => {
      refresh();
      handlers.onReconnect?.();
    },
  });
}
