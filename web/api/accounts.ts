import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { acceptedSchema, type Registration, type StatusCheck, sessionSchema } from "../../common/accounts.ts";
import { adoptSession, request } from "./client.ts";
import { sessionKey } from "./session.ts";

const post = <T>(path: string, body: unknown, schema: z.ZodType<T>) => request(path, { method: "POST", body, schema });

export function useRegister() {
  return useMutation({ mutationFn: (input: Registration) => post("/api/v1/accounts", input, acceptedSchema) });
}

export function useConfirmEmail() {
  return useMutation({
    mutationFn: (token: string) => post("/api/v1/accounts/confirmation", { token }, z.object({ email: z.string() })),
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: (email: string) => post("/api/v1/accounts/confirmation/resend", { email }, acceptedSchema),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => post("/api/v1/password-resets", { email }, acceptedSchema) });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      post("/api/v1/password-resets/complete", input, acceptedSchema),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      post("/api/v1/account/password", input, acceptedSchema),
  });
}

export function useStatusCheck() {
  return useMutation({ mutationFn: (input: StatusCheck) => post("/api/v1/status-checks", input, acceptedSchema) });
}

/** Trades an access link for a guest session; whatever was loaded before belongs to someone else. */
export function useOpenGuestSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) => adoptSession(await post("/api/v1/guest-sessions", { token }, sessionSchema)),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}
