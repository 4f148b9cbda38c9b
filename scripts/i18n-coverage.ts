/**
 * How much of each language is translated: per language and namespace, the share of English keys that have
 * a message which is not simply the English one (names like "Switchboard" count as translated when equal).
 * Run: npm run i18n:coverage
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { shippedLocales } from "../common/locales.ts";

const root = path.resolve(import.meta.dirname, "..");
// Every file in locales/en/ is a namespace; each language must have the same files.
const namespaces = readdirSync(path.join(root, "locales", "en"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length))
  .sort();
const load = (locale: string, ns: string): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(path.join(root, "locales", locale, `${ns}.json`), "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
};
/** Messages that are the same in every language (brand names, pure placeholders). */
const sameEverywhere = (message: string) => !/[A-Za-z]{3,}/.test(message.replace(/\{[^}]*\}|Switchboard/g, ""));

for (const locale of shippedLocales) {
  let total = 0;
  let done = 0;
  const parts: string[] = [];
  for (const ns of namespaces) {
    const en = load("en", ns);
    const other = load(locale, ns);
    const keys = Object.keys(en);
    const translated = keys.filter(
      (k) => other[k] !== undefined && (locale === "en" || other[k] !== en[k] || sameEverywhere(en[k] ?? "")),
    );
    total += keys.length;
    done += translated.length;
    parts.push(`${ns} ${translated.length}/${keys.length}`);
  }
  const percent = total === 0 ? 0 : Math.floor((done / total) * 1000) / 10;
  console.log(`${locale.padEnd(3)} ${String(percent).padStart(5)}%  (${parts.join(", ")})`);
}
