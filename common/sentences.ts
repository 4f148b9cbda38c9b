/**
 * The API's sentences arrive in English: the shared zod schemas' messages (common/) and the server's error
 * sentences. The catalogs hold each under a key (errors.json, validation.json), and a sentence the server builds
 * from values with a `{name}` placeholder where each value goes ("Attach at most {max} files."). This finds a
 * sentence's key by its English text, takes the values back out, and says it with a language's messages. The
 * web app (web/i18n/sentences.ts) and the server's error pages (server/http/error-page.ts) use the same.
 */
export type SentenceCatalog = Record<string, string>;

/** `(sentence, messages)` → the sentence in those messages' words, or undefined where the catalog lacks it. */
export function sentenceLocalizer(
  english: SentenceCatalog,
): (sentence: string, messages: SentenceCatalog) => string | undefined {
  const entries = Object.entries(english);
  const keyOfEnglish = new Map<string, string>(entries.map(([key, sentence]) => [sentence, key]));
  const templates = entries
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
    })
    // The one with fewer values is tried first: "{name} is not in the chosen group." before "{name} is not in the
    // {group} group.", which would otherwise take "chosen" for a group's name.
    .sort((a, b) => a.names.length - b.names.length);
  return (sentence, messages) => {
    const key = keyOfEnglish.get(sentence);
    if (key) return messages[key];
    for (const { key, names, pattern } of templates) {
      const values = pattern.exec(sentence);
      const translated = messages[key];
      if (!values || translated === undefined) continue;
      // Plain `{name}` placeholders, as the English has them.
      return translated.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const index = names.indexOf(name);
        return index < 0 ? whole : (values[index + 1] ?? "");
      });
    }
    return undefined;
  };
}
