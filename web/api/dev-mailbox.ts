import { useQuery } from "@tanstack/react-query";
import { devMailboxSchema, devMailSchema } from "../../common/mail.ts";
import { request } from "./client.ts";

export function useDevMailbox() {
  return useQuery({
    queryKey: ["dev-mailbox"],
    queryFn: () => request("/api/v1/dev-mailbox", { schema: devMailboxSchema }),
    // New mail arrives while someone waits for a confirmation link.
    refetchInterval: 5_000,
    retry: false,
  });
}

export function useDevMail(id: string) {
  return useQuery({
    queryKey: ["dev-mailbox", id],
    queryFn: () => request(`/api/v1/dev-mailbox/${encodeURIComponent(id)}`, { schema: devMailSchema }),
    retry: false,
  });
}
