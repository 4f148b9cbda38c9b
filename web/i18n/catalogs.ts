/**
 * The web app's messages: `locales/<locale>/*.json` but mail, one chunk per language,
 * loaded when that language is first shown (English is bundled, it is also every other language's fallback).
 * The pseudo-locale is made from English in the browser.
 */
import { defaultLocale, type Locale, pseudoLocale } from "../../common/locales.ts";
import { pseudoCatalog } from "../../common/pseudo-locale.ts";

export type Catalog = Record<string, string>;

// Every namespace in locales/<locale>/ but the server's mail: a new area's catalog (say locales/*/agent.json)
// is picked up by adding its files, with no list to keep in step.
const englishFiles = import.meta.glob<{ default: Catalog }>(
  ["../../locales/en/*.json", "!../../locales/en/mail.json"],
  {
    eager: true,
  },
);

export const english: Catalog = Object.assign({}, ...Object.values(englishFiles).map((file) => file.default));

const files = import.meta.glob<{ default: Catalog }>([
  "../../locales/*/*.json",
  "!../../locales/en/*.json",
  "!../../locales/*/mail.json",
]);

export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === defaultLocale) return english;
  if (locale === pseudoLocale) return pseudoCatalog(english);
  const folder = `../../locales/${locale}/`;
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([file]) => file.startsWith(folder))
      .map(([, load]) => load()),
  );
  // Whatever a language lacks is said in English rather than as a key.
  return Object.assign({}, english, ...parts.map((p) => p?.default ?? {}));
}
