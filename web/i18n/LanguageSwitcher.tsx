/**
 * The portal footer's language menu. The choice is remembered in a cookie for visitors and guests, and
 * saved to the profile of someone signed in, so their mail follows it too.
 */
import { NativeSelect } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { isLocale, localeCookie, localeNames, locales, shippedLocales } from "../../common/locales.ts";
import { request } from "../api/client.ts";
import { useSession } from "../api/session.ts";
import { localeKey, useLocaleState } from "./LocaleProvider.tsx";
import { useT } from "./use-t.ts";

export function LanguageSwitcher() {
  const t = useT();
  const state = useLocaleState().data;
  const session = useSession().data;
  const queryClient = useQueryClient();
  if (!state) return null;
  const offered = state.pseudoAvailable ? locales : shippedLocales;

  async function choose(value: string) {
    if (!isLocale(value)) return;
    // A year; the path is the whole site. Not a secret, so the page may write it.
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers we support; the value is one known locale.
    document.cookie = `${localeCookie}=${value}; path=/; max-age=31536000; samesite=lax`;
    if (session?.user) {
      await request("/api/v1/account/preferences", {
        method: "PUT",
        body: { locale: value, timeZone: state?.timeZone ?? null },
      });
    }
    await queryClient.invalidateQueries({ queryKey: localeKey });
  }

  return (
    <NativeSelect
      size="xs"
      label={t("portal.footer.language")}
      data={offered.map((l) => ({ value: l, label: localeNames[l] }))}
      value={state.locale}
      onChange={(event) => void choose(event.currentTarget.value)}
      styles={{ root: { display: "flex", alignItems: "center", gap: 8 } }}
    />
  );
}
