/**
 * The message catalogs' rules (part of `npm run check`; issue 20):
 *
 * 1. Every key the code uses (`t("…")`, `t.rich("…")`, `t.t("…")`, `formatMessage({ id: "…" })`) is in the
 *    English catalog, and every English key is used (the errors and validation catalogs are looked up by their
 *    English sentence, so each of those sentences must still occur in common/ or server/), and every API error
 *    code (common/errors.ts) has its general sentence, `errors.code.<code>`.
 * 2. Every shipped language has exactly the English keys, each message parses as ICU and uses the same
 *    arguments and tags as the English one.
 *    Every sentence a server error gives (`new AppError(code, "…")`) or gives a field (`new AppError(code, message,
 *    { field: "…" })`) is in the catalog, when it is written out.
 * 3. The converted code (scripts/i18n-scope.ts) has no words outside the catalog: no JSX text, no label,
 *    title, placeholder, description or aria-label given as a literal, no sentence in a mail template; and
 *    the shared schemas' messages people read are all in validation.json.
 *
 * Run: node scripts/check-messages.ts
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { errorCodes } from "../common/errors.ts";
import { shippedLocales } from "../common/locales.ts";
import { convertedServerDirs, convertedWeb, validatedSchemas } from "./i18n-scope.ts";

const root = path.resolve(import.meta.dirname, "..");
// Every file in locales/en/ is a namespace; each language must have the same files.
const namespaces = readdirSync(path.join(root, "locales", "en"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length))
  .sort();
const problems: string[] = [];

function read(file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

function catalog(locale: string, namespace: string): Record<string, string> {
  try {
    return JSON.parse(read(`locales/${locale}/${namespace}.json`)) as Record<string, string>;
  } catch {
    problems.push(`locales/${locale}/${namespace}.json is missing or not JSON.`);
    return {};
  }
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Argument names and tags of an ICU message, to compare a translation with its English original. */
function shape(message: string): string {
  const names = new Set<string>();
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const el of elements as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown }>;
      children?: unknown;
    }[]) {
      if (el.type !== 0 && el.type !== 7 && el.value) names.add(`${el.type === 8 ? "<" : ""}${el.value}`);
      if (el.options) for (const option of Object.values(el.options)) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst());
  return [...names].sort().join(",");
}

// 1. Keys used and keys defined.
const english: Record<string, string> = {};
for (const ns of namespaces) Object.assign(english, catalog("en", ns));
const code = [...sourceFiles("web"), ...sourceFiles("server"), ...sourceFiles("common")];
const used = new Set<string>();
const keyUse = /(?:\bt(?:\.rich|\.t)?\(\s*|formatMessage\(\s*\{\s*id:\s*)"([a-z][\w]*(?:\.[\w]+)+)"/g;
const allCode = code.map((file) => ({ file, text: read(file) }));
for (const { file, text } of allCode) {
  for (const match of text.matchAll(keyUse)) {
    const key = match[1] ?? "";
    used.add(key);
    if (!(key in english)) problems.push(`${file}: "${key}" is not in the English catalog.`);
  }
}
const sources = allCode.filter((f) => f.file.startsWith("common/") || f.file.startsWith("server/"));
/** A sentence with `{name}` placeholders, as the template literal that builds it: `…${anything}…`. */
const asTemplateLiteral = (sentence: string) =>
  new RegExp(
    `\`${sentence
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\`]/g, "\\$&"))
      .join("\\$\\{[^}]+\\}")}\``,
  );
/** The same sentence whichever names its placeholders have: what a server template literal is compared by. */
const placeholdersBlank = (sentence: string) => sentence.replace(/\{\w+\}/g, "{}");
for (const [key, sentence] of Object.entries(english)) {
  if (used.has(key)) continue;
  const byText = key.startsWith("errors.") || key.startsWith("validation.");
  const occurs = (text: string) =>
    text.includes(`"${sentence}"`) || (/\{\w+\}/.test(sentence) && asTemplateLiteral(sentence).test(text));
  if (byText && (key.startsWith("errors.code.") || sources.some((f) => occurs(f.text)))) continue;
  problems.push(`"${key}" is in the catalog but nothing uses it${byText ? " (its sentence occurs nowhere)" : ""}.`);
}

// Every code the API answers with has a general sentence: it is what a reader sees when the server's own
// sentence is not in the catalog (web/i18n/sentences.ts), so a code without one would reach them in English.
for (const code of errorCodes) {
  if (!(`errors.code.${code}` in english)) problems.push(`locales/en/errors.json lacks "errors.code.${code}".`);
}

// 2. Every language complete and well-formed.
for (const locale of shippedLocales) {
  for (const ns of namespaces) {
    const en = catalog("en", ns);
    const other = locale === "en" ? en : catalog(locale, ns);
    for (const key of Object.keys(en)) {
      if (!(key in other)) {
        problems.push(`locales/${locale}/${ns}.json lacks "${key}".`);
        continue;
      }
      try {
        if (shape(other[key] ?? "") !== shape(en[key] ?? "")) {
          problems.push(`locales/${locale}/${ns}.json "${key}" uses other arguments or tags than English.`);
        }
      } catch (error) {
        problems.push(`locales/${locale}/${ns}.json "${key}" is not valid ICU: ${(error as Error).message}`);
      }
    }
    for (const key of Object.keys(other)) {
      if (!(key in en)) problems.push(`locales/${locale}/${ns}.json has "${key}", which English does not.`);
    }
  }
}

// 3. No words outside the catalog in converted code.
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
for (const file of convertedWeb) {
  const text = withoutComments(read(file));
  for (const match of text.matchAll(/>([^<>{}]*[A-Za-z]{2,}[^<>{}]*)</g)) {
    const words = (match[1] ?? "").trim();
    // `=> <` and type arguments are code, not text.
    if (words && !/[=:;()]/.test(words)) problems.push(`${file}: text "${words}" is not from the catalog.`);
  }
  for (const match of text.matchAll(/\b(label|title|placeholder|description|aria-label|alt)="([^"]*[A-Za-z][^"]*)"/g)) {
    problems.push(`${file}: ${match[1]}="${match[2]}" is not from the catalog.`);
  }
}
for (const dir of convertedServerDirs) {
  for (const file of sourceFiles(dir)) {
    const text = withoutComments(read(file)).replace(/^import .*$/gm, "");
    for (const match of text.matchAll(/(["`])([^"`\n]*[A-Za-z]+ [A-Za-z]+[^"`\n]*)\1/g)) {
      problems.push(`${file}: "${match[2]}" is not from the catalog.`);
    }
  }
}
const sentences = new Set(Object.values(english));
const englishOnly = new Set([
  "server/cli.ts",
  "server/core/errors.ts",
  "server/http/auth.ts",
  "server/http/api-headers.ts",
]);
const templateSentences = new Set([...sentences].filter((s) => /\{\w+\}/.test(s)).map(placeholdersBlank));
// A pattern given as a regex literal may hold commas and brackets, so `.regex(/…/, "…")` is matched on its own.
const schemaMessage =
  /(?:error:\s*|message:\s*|\.regex\(\/(?:[^/\\\n]|\\.)+\/[a-z]*,\s*|\.(?:min|max|regex|length|refine|email)\((?:[^,()"]+,\s*)?)"((?:[^"\\]|\\.)+\.)"/g;
for (const file of validatedSchemas) {
  for (const match of read(file).matchAll(schemaMessage)) {
    if (!sentences.has(match[1] ?? "")) problems.push(`${file}: "${match[1]}" is not in validation.json.`);
  }
}

// An error's sentence per field shows under that field in the reader's language only when the catalog has it: the
// web has no general sentence for one field (web/i18n/sentences.ts), so one missing here reached an Arabic or German
// reader in English (the access-link page said "This link is not valid any more."). Each literal one must be there.
for (const { file, text } of sources) {
  if (!file.startsWith("server/")) continue;
  for (const call of text.split("new AppError(").slice(1)) {
    // The call's own text: up to the parenthesis that closes it (strings here hold no parentheses that matter).
    let depth = 1;
    let end = 0;
    while (end < call.length && depth > 0) {
      if (call[end] === "(") depth++;
      else if (call[end] === ")") depth--;
      end++;
    }
    // The error's own sentence, when it is written out (a sentence built from values falls back to its code's).
    const own = /^\s*"[a-z_]+",\s*"((?:[^"\\]|\\.)+)"/.exec(call)?.[1];
    // The command line speaks to the operator, in English.
    if (own !== undefined && file !== "server/cli.ts" && !sentences.has(own))
      problems.push(`${file}: the sentence "${own}" is not in errors.json.`);
    // One built from values is in the catalog with `{name}` placeholders where the values go (common/sentences.ts
    // takes them back out). notFound's is built from the caller's English words, and falls back to its code's; an
    // API token's refusals are read by integrators' programs, which the API answers in English.
    const built = /^\s*"[a-z_]+",\s*`((?:[^`\\]|\\.)+)`/.exec(call)?.[1];
    if (built !== undefined && !englishOnly.has(file)) {
      if (!templateSentences.has(built.replace(/\$\{[^}]+\}/g, "{}")))
        problems.push(`${file}: the sentence \`${built}\` is not in errors.json (with {placeholders} for its values).`);
    }
    const fieldsObject = /\{[^{}]*\}\s*,?\s*$/.exec(call.slice(0, end - 1))?.[0] ?? "";
    for (const match of fieldsObject.matchAll(/:\s*"((?:[^"\\]|\\.)+)"/g)) {
      if (!sentences.has(match[1] ?? ""))
        problems.push(`${file}: the field sentence "${match[1]}" is not in errors.json.`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Message catalogs (scripts/check-messages.ts):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`Message catalogs hold: ${Object.keys(english).length} keys in ${shippedLocales.length} languages.`);
