/**
 * Sentences that arrive in English from elsewhere: the shared zod schemas'
 * messages (common/) and the API's error sentences. They are looked up by
 * their English text in the validation and errors catalogs and said in the
 * reader's language (common/sentences.ts), those the server builds from values
 * too; an API sentence we have no translation for falls back to its error
 * code's general sentence, which is better than English to someone who does
 * not read it.
 */
import { defaultLocale } from "../../common/locales.ts";
import { sentenceLocalizer } from "../../common/sentences.ts";
import enErrors from "../../locales/en/errors.json" with { type: "json" };
import enValidation from "../../locales/en/validation.json" with { type: "json" };
import type { Catalog } from "./catalogs.ts";

const localize = sentenceLocalizer({ ...enErrors, ...enValidation });

let current: { locale: string; messages: Catalog } = { locale: defaultLocale, messages: {} };

/** Set by the LocaleProvider before anything is rendered in a language. */
export function setSentenceLanguage(locale: string, messages: Catalog): void {
  current = { locale, messages };
}

export function localizeSentence(sentence: string, code?: string): string {
  if (current.locale === defaultLocale) return sentence;
  return (
    localize(sentence, current.messages) ?? (code ? current.messages[`errors.code.${code}`] : undefined) ?? sentence
  );
}

export function localizeFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, sentence]) => [field, localizeSentence(sentence)]));
}
