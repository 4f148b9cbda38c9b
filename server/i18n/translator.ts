/**
 * Translating on the server (mail, API error sentences) with FormatJS, the
 * same ICU formatter the web app uses through react-intl. A key missing in a
 * language falls back to English, and a key missing in English is a bug the
 * check script (scripts/check-messages.ts) catches before it ships.
 */
import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { defaultLocale, type Locale, pseudoLocale } from "../../common/locales.ts";
import { sentenceLocalizer } from "../../common/sentences.ts";
import { serverCatalog } from "./catalogs.ts";

export type MessageValues = Record<string, string | number | Date>;

export type Translator = {
  locale: Locale;
  t: (key: string, values?: MessageValues) => string;
  /**
   * An English sentence of the API (an AppError's message or field sentence) in the reader's language, looked up
   * in the errors and validation catalogs; one the catalogs lack gives its error code's general sentence.
   */
  sentence: (english: string, code: string) => string;
  /** A timestamp in the reader's language, in the given zone (UTC when unknown) and said with its zone. */
  dateTime: (iso: string, timeZone?: string | null) => string;
};

const intlCache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();

function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale: locale === pseudoLocale ? "en" : locale,
        messages: { ...serverCatalog(defaultLocale), ...serverCatalog(locale) },
        // Missing translations fall back to English silently here; the check script is where they are loud.
        onError: () => {},
      },
      intlCache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

let localizeEnglish: ReturnType<typeof sentenceLocalizer> | undefined;

export function translator(locale: Locale): Translator {
  const intl = intlFor(locale);
  return {
    locale,
    t: (key, values) => intl.formatMessage({ id: key }, values) as string,
    sentence: (english, code) => {
      localizeEnglish ??= sentenceLocalizer(serverCatalog(defaultLocale));
      const messages = { ...serverCatalog(defaultLocale), ...serverCatalog(locale) };
      return localizeEnglish(english, messages) ?? messages[`errors.code.${code}`] ?? english;
    },
    dateTime: (iso, timeZone) => {
      const zone = timeZone ?? "UTC";
      return `${intl.formatDate(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: zone })} (${zone})`;
    },
  };
}
