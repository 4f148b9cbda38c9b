/**
 * The languages Switchboard speaks, and how a visitor's language is chosen.
 * Shared by the server (mail, API errors, the locale it tells the web app) and
 * the web app (the switcher, `<html lang dir>`), so both agree on one list. No zod here: the web app
 * reads this before its first paint (the schemas are in locale-schemas.ts).
 */
/** Shipped languages. The catalogs live in `locales/<locale>/*.json` (ICU MessageFormat). */
export const shippedLocales = ["en", "de", "es", "fr", "ar"] as const;
/**
 * The pseudo-locale: English with accented letters, ~40% longer and bracketed, so a browser run shows
 * any text that did not come from a catalog and any layout that breaks with longer words. Never a default.
 */
export const pseudoLocale = "en-XA";
export const locales = [...shippedLocales, pseudoLocale] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language named in itself, for the switcher. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  es: "Español",
  fr: "Français",
  ar: "العربية",
  "en-XA": "[Ƥšéûđö]",
};

const rightToLeft = new Set<string>(["ar", "he", "fa", "ur"]);

export function directionOf(locale: string): "ltr" | "rtl" {
  return rightToLeft.has(locale.split("-")[0] ?? locale) ? "rtl" : "ltr";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A time zone the runtime knows (IANA name such as "Europe/Berlin"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The best shipped language for an Accept-Language header, by its q-values:
 * "de-CH,de;q=0.9,en;q=0.8" gives "de". The pseudo-locale is only ever chosen
 * explicitly, never negotiated. Undefined when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const base = tag.split("-")[0];
    const found = shippedLocales.find((l) => l === tag || l === base);
    if (found) return found;
  }
  return undefined;
}

/** Where a visitor's language comes from, strongest first. */
export type LocaleSources = {
  /** The signed-in person's profile choice. */
  profile?: string | null;
  /** The portal footer's switcher, remembered in a cookie. */
  cookie?: string | null;
  acceptLanguage?: string | null;
  /** The admin's default language for the help desk. */
  fallback?: string | null;
};

export function resolveLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.profile)) return sources.profile;
  if (isLocale(sources.cookie)) return sources.cookie;
  return negotiateLocale(sources.acceptLanguage) ?? (isLocale(sources.fallback) ? sources.fallback : defaultLocale);
}

/** The cookie the switcher writes (readable by the page: it is a preference, not a secret). */
export const localeCookie = "sb_locale";
