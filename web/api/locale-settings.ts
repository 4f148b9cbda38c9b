import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Locale } from "../../common/locales.ts";
import { localeKey } from "../i18n/LocaleProvider.tsx";
import { request } from "./client.ts";

/**
 * Sets the help desk's default language. The current one comes with the locale state (`defaultLocale`),
 * which is asked again afterwards: the admin's own language may follow it if nothing else chose theirs.
 */
export const useSetDefaultLocale = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) =>
      request("/api/v1/admin/settings/default-locale", { method: "PUT", body: { locale } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: localeKey }),
  });
};
