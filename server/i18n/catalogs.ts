/**
 * The message catalogs as the server reads them: `locales/<locale>/<namespace>.json`, flat ICU JSON
 * (key → message), read once per process. The web app bundles the same files (web/i18n/catalogs.ts).
 */
import { readFileSync } from "node:fs";
import { type Locale, pseudoLocale, shippedLocales } from "../../common/locales.ts";
import { pseudoCatalog } from "../../common/pseudo-locale.ts";

export const localesDir = new URL("../../locales/", import.meta.url);

/** The server's namespaces: mail, API errors and the shared validation messages. */
export const serverNamespaces = ["mail", "errors", "validation"] as const;

export type Catalog = Record<string, string>;

function readNamespace(locale: string, namespace: string): Catalog {
  try {
    return JSON.parse(readFileSync(new URL(`${locale}/${namespace}.json`, localesDir), "utf8")) as Catalog;
  } catch (error) {
    // A language without a file for a namespace falls back to English for it (the check script reports it).
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

const cache = new Map<string, Catalog>();

/** Every server message in a language; the pseudo-locale is made from English when first asked for. */
export function serverCatalog(locale: Locale): Catalog {
  const cached = cache.get(locale);
  if (cached) return cached;
  const source = locale === pseudoLocale ? "en" : locale;
  let catalog: Catalog = {};
  for (const namespace of serverNamespaces) catalog = { ...catalog, ...readNamespace(source, namespace) };
  if (locale === pseudoLocale) catalog = pseudoCatalog(catalog);
  cache.set(locale, catalog);
  return catalog;
}

export const serverLocales: readonly Locale[] = shippedLocales;
