import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Session, SessionUser, SignIn } from "../../common/accounts.ts";
import { adoptSession, fetchSession, request, sessionSchemaLater } from "./client.ts";
import { chooseSignOut, noteSignedIn } from "./sign-out-choice.ts";

export const sessionKey = ["session"] as const;

/** Who is signed in, as the server says. */
export async function readSession(): Promise<Session> {
  const session = await fetchSession();
  if (session.user) noteSignedIn();
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: readSession, staleTime: 60_000 });
}

/** Agents and admins work in the agent workspace; customers and guests use the portal. */
export function isStaff(user: SessionUser | null | undefined): user is SessionUser {
  return user?.licence === "agent" || user?.licence === "admin";
}

/**
 * Whether the visitor may submit requests: account holders need the
 * permission (the server's canSubmitTicket); visitors use the public form.
 * Undefined while the session loads.
 */
export function useMaySubmit(): boolean | undefined {
  const session = useSession();
  if (session.isPending) return undefined;
  const user = session.data?.user;
  return user ? user.permissions.includes("tickets.submit") : true;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: SignIn) =>
      adoptSession(
        await request("/api/v1/session", { method: "POST", body: credentials, schema: sessionSchemaLater() }),
      ),
    onSuccess: (session) => {
      noteSignedIn();
      // Whatever was loaded for the previous person must not be shown to this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    // The server says what a signed-out visitor's session looks like; the app does not guess.
    mutationFn: async () => {
      // An answer already on its way ("still signed in") must not undo the choice made here.
      await queryClient.cancelQueries({ queryKey: sessionKey });
      chooseSignOut();
      await request("/api/v1/session", { method: "DELETE" });
      return fetchSession();
    },
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

/** Webhook bodies, raw mail and where ticket data is sent are for someone who sees every ticket (docs/security.md). */
export function useSeesEveryTicket(): boolean {
  return useSession().data?.user?.permissions.includes("tickets.view_all") ?? false;
}
