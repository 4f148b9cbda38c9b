import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./client.ts";
import { sessionKey } from "./session.ts";

/** Refusals and bad input will not change on a retry; only server trouble and lost connections are worth one. */
function shouldRetry(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // A session that ended on the server (expired, signed out elsewhere): ask again who is signed in,
        // so guarded pages send the person to sign in instead of showing an error.
        if (error instanceof ApiError && error.code === "unauthenticated") {
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

/** The app's one cache; route loaders (web/agent/prefetch.ts) start fetches in it before a scene renders. */
export const queryClient = createQueryClient();
