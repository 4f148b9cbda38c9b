import type { LoaderFunctionArgs } from "react-router";
import { feedQuery } from "../api/conversation.ts";
import { queryClient } from "../api/query-client.ts";
import { tasksQuery } from "../api/tasks.ts";
import { ticketQuery } from "../api/tickets.ts";
import { agentTicketsQuery, queueOverviewQuery } from "../api/workspace.ts";
import { readQueueQuery } from "./queue-params.ts";

/*
 * Route loaders of the workspace. They start the screen's requests together, the moment the route is entered,
 * instead of one after another as components mount (session, then the scene, then the ticket, then its panels).
 * They return at once: the scenes render from the cache (or show their loading state) as before, and a fetch
 * already under way is shared, not repeated. Fresh cached data is not fetched again.
 */

export function ticketListLoader({ request }: LoaderFunctionArgs): null {
  void queryClient.prefetchQuery(queueOverviewQuery());
  void queryClient.prefetchInfiniteQuery(agentTicketsQuery(readQueueQuery(new URL(request.url).searchParams)));
  return null;
}

export function ticketLoader({ params }: LoaderFunctionArgs): null {
  const number = Number(params.number);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  void queryClient.prefetchQuery(ticketQuery(number));
  void queryClient.prefetchQuery(feedQuery(number));
  void queryClient.prefetchQuery(tasksQuery(number));
  return null;
}
