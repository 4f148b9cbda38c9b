import { useQuery } from "@tanstack/react-query";
import { request } from "./client.ts";

const devMailboxKey = ["dev-mailbox"] as const;

/**
 * The dev mailbox's messages, newest first. `poll` refreshes them while someone
 * waits for a confirmation link on the mailbox page; the footer only needs to
 * know once whether the mailbox is there (a 404 means it is not, so no retries).
 */
export function useDevMailbox({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: devMailboxKey,
    queryFn: () =>
      request("/api/v1/dev-mailbox", {
        // Every page's footer asks: its schema loads beside the request, not before the page (see client.ts).
        schema: import("../../common/mail.ts").then((m) => m.devMailboxSchema),
      }),
    refetchInterval: poll ? 5_000 : false,
    retry: false,
  });
}

export function useDevMail(id: string) {
  return useQuery({
    queryKey: [...devMailboxKey, id],
    queryFn: () =>
      request(`/api/v1/dev-mailbox/${encodeURIComponent(id)}`, {
        schema: import("../../common/mail.ts").then((m) => m.devMailSchema),
      }),
    retry: false,
  });
}
