/**
 * The language, direction and time zone of the whole app: asked of the server once (it weighs the profile,
 * the switcher's cookie, Accept-Language and the admin's default, server/i18n/request-locale.ts), then the
 * catalog for it is loaded before anything is painted, so no page flashes in English first.
 */
import { useDirection } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { IntlProvider } from "react-intl";
import { defaultLocale, directionOf, type Locale, pseudoLocale } from "../../common/locales.ts";
import { request } from "../api/client.ts";
import { setFormatLanguage } from "../ui/format.ts";
import { type Catalog, english, loadCatalog } from "./catalogs.ts";
import { MantineLabels } from "./MantineLabels.tsx";
import { setSentenceLanguage } from "./sentences.ts";

export const localeKey = ["locale"] as const;

export function useLocaleState() {
  return useQuery({
    queryKey: localeKey,
    queryFn: async () =>
      request("/api/v1/locale", {
        schema: import("../api/first-page-schemas.ts").then((m) => m.localeStateSchema),
      }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const state = useLocaleState();
  // If the server cannot be asked, the app still speaks: the default language, the browser's zone.
  const locale: Locale | undefined = state.data?.locale ?? (state.isError ? defaultLocale : undefined);
  const timeZone = state.data?.timeZone ?? undefined;
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Catalog } | null>(null);
  const { setDirection } = useDirection();

  useEffect(() => {
    if (!locale) return;
    let current = true;
    void loadCatalog(locale).then(
      (messages) => current && setLoaded({ locale, messages }),
      () => current && setLoaded({ locale: defaultLocale, messages: english }),
    );
    return () => {
      current = false;
    };
  }, [locale]);

  const shown = loaded?.locale;
  useEffect(() => {
    if (!shown) return;
    const dir = directionOf(shown);
    document.documentElement.lang = shown;
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [shown, setDirection]);

  if (!loaded) return null;
  // Set before children render: sentences from zod and the API, and dates outside React, follow the language.
  setSentenceLanguage(loaded.locale, loaded.messages);
  const intlLocale = loaded.locale === pseudoLocale ? "en" : loaded.locale;
  setFormatLanguage(intlLocale, timeZone);
  return (
    <IntlProvider locale={intlLocale} messages={loaded.messages} timeZone={timeZone} defaultLocale={defaultLocale}>
      <MantineLabels>{children}</MantineLabels>
    </IntlProvider>
  );
}
