/**
 * Sentences that arrive in English from elsewhere: the shared zod schemas'
 * messages (common/) and the API's error sentences. They are looked up by
 * their English text in the validation and errors catalogs and said in the
 * reader's language; an API sentence we have no translation for falls back
 * to its error code's general sentence, which is better than English to
 * someone who does not read it.
 */
import { defaultLocale } from "../../common/locales.ts";
import enErrors from "../../locales/en/errors.json" with { type: "json" };
import enValidation from "../../locales/en/validation.json" with { type: "json" };
import type { Catalog } from "./catalogs.ts";

const english = Object.entries({ ...enErrors, ...enValidation });
const keyOfEnglish = new Map<string, string>(english.map(([key, sentence]) => [sentence, key]));

/**
 * Sentences the server builds from values ("Attach at most {max} files."): the catalog's English with its
 * placeholders, as a pattern that takes the values back out of the sentence received.
 */
const templates = english
  .filter(([, sentence]) => /\{\w+\}/.test(sentence))
  .map(([key, sentence]) => {
    const names: string[] = [];
    const source = sentence
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(name);
        return "(.+?)";
      })
      .join("");
    return { key, names, pattern: new RegExp(`^${source}$`, "s") };
  });

/** The sentence's values put into the reader's words for it (plain `{name}` placeholders, as in the English). */
function fromTemplate(sentence: string): string | undefined {
  for (const { key, names, pattern } of templates) {
    const values = pattern.exec(sentence);
    const translated = current.messages[key];
    if (!values || translated === undefined) continue;
    return translated.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const index = names.indexOf(name);
      return index < 0 ? whole : (values[index + 1] ?? "");
    });
  }
  return undefined;
}

let current: { locale: string; messages: Catalog } = { locale: defaultLocale, messages: {} };

/** Set by the LocaleProvider before anything is rendered in a language. */
export function setSentenceLanguage(locale: string, messages: Catalog): void {
  current = { locale, messages };
}

export function localizeSentence(sentence: string, code?: string): string {
  const key = keyOfEnglish.get(sentence);
  if (key) return current.messages[key] ?? sentence;
  if (current.locale !== defaultLocale) {
    const built = fromTemplate(sentence);
    if (built !== undefined) return built;
  }
  if (code && current.locale !== defaultLocale) return current.messages[`errors.code.${code}`] ?? sentence;
  return sentence;
}

export function localizeFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, sentence]) => [field, localizeSentence(sentence)]));
}
