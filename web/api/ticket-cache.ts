import type { QueryClient, QueryKey } from "@tanstack/react-query";

/** Where each piece of one ticket's data lives in the query cache. Everything about tickets is under "tickets". */
export const ticketKeys = {
  all: ["tickets"] as const,
  detail: (number: number) => ["tickets", "detail", number] as const,
  conversation: (number: number) => ["tickets", "conversation", number] as const,
  feed: (number: number) => ["tickets", "conversation", number, "feed"] as const,
  tasks: (number: number) => ["tickets", "tasks", number] as const,
  links: (number: number) => ["tickets", "links", number] as const,
  /** The agent's queues and counts, and the portal's request lists. */
  lists: [
    ["tickets", "workspace"],
    ["tickets", "list"],
  ] as const,
};

/**
 * After a change to ticket(s): what shows the change on this screen (`shown`: the ticket, its Feed) is refetched
 * and awaited, so a dialog closes or a button stops spinning when the page is right; the lists are only marked
 * stale and refetch in the background. Nothing else is touched: each piece of a ticket refetches when a change
 * can affect it, not after every change (which made every save wait for a dozen requests).
 */
export async function refreshAfterChange(queryClient: QueryClient, shown: readonly QueryKey[]): Promise<void> {
  for (const queryKey of ticketKeys.lists) void queryClient.invalidateQueries({ queryKey });
  await Promise.all(shown.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** The ticket itself and its Feed: what every change to a ticket shows (Read By changes only when someone reads). */
export const ticketShown = (number: number): QueryKey[] => [ticketKeys.detail(number), ticketKeys.feed(number)];
