import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { acceptedSchema, type Registration, type StatusCheck, sessionSchema } from "../../common/accounts.ts";
import type { Preferences } from "../../common/locale-schemas.ts";
import { localeKey } from "../i18n/LocaleProvider.tsx";
import { localizeSentence } from "../i18n/sentences.ts";
import { adoptSession, request } from "./client.ts";
import { sessionKey } from "./session.ts";

const post = <T>(path: string, body: unknown, schema: z.ZodType<T>) => request(path, { method: "POST", body, schema });

/** The server's "done" sentence (English, like every API sentence), said in the reader's language. */
async function accepted(path: string, body: unknown): Promise<{ message: string }> {
  const { message } = await post(path, body, acceptedSchema);
  return { message: localizeSentence(message) };
}

export function useRegister() {
  return useMutation({ mutationFn: (input: Registration) => accepted("/api/v1/accounts", input) });
}

export function useConfirmEmail() {
  return useMutation({
    mutationFn: (token: string) => post("/api/v1/accounts/confirmation", { token }, z.object({ email: z.string() })),
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: (email: string) => accepted("/api/v1/accounts/confirmation/resend", { email }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => accepted("/api/v1/password-resets", { email }) });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => accepted("/api/v1/password-resets/complete", input),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      accepted("/api/v1/account/password", input),
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

/** Saves the profile's language and time zone; the whole app then asks again what to show, so it switches at once. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) =>
      request("/api/v1/account/preferences", { method: "PUT", body: preferences }),
    // Returned, so the form says "saved" only once the page already speaks the new language.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: localeKey }),
  });
}
