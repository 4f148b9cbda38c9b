/**
 * The web app's messages: `locales/<locale>/{portal,errors,validation}.json`, one chunk per language,
 * loaded when that language is first shown (English is bundled, it is also every other language's fallback).
 * The pseudo-locale is made from English in the browser.
 */
import { defaultLocale, type Locale, pseudoLocale } from "../../common/locales.ts";
import { pseudoCatalog } from "../../common/pseudo-locale.ts";
import enErrors from "../../locales/en/errors.json" with { type: "json" };
import enPortal from "../../locales/en/portal.json" with { type: "json" };
import enValidation from "../../locales/en/validation.json" with { type: "json" };

export type Catalog = Record<string, string>;

export const english: Catalog = { ...enPortal, ...enErrors, ...enValidation };

const files = import.meta.glob<{ default: Catalog }>([
  "../../locales/*/{portal,errors,validation}.json",
  "!../../locales/en/*.json",
]);

export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === defaultLocale) return english;
  if (locale === pseudoLocale) return pseudoCatalog(english);
  const parts = await Promise.all(
    ["portal", "errors", "validation"].map((ns) => files[`../../locales/${locale}/${ns}.json`]?.()),
  );
  // Whatever a language lacks is said in English rather than as a key.
  return Object.assign({}, english, ...parts.map((p) => p?.default ?? {}));
}
