/**
 * Text from outside (forms, API calls, mail) is normalised once at the
 * boundary, the same way for both database engines: PostgreSQL refuses a NUL
 * character in text and a lone UTF-16 surrogate in JSON, where SQLite stores
 * both. NUL carries no meaning in anything a person writes, so it is removed;
 * a lone surrogate (half of a character) becomes U+FFFD, as a UTF-8 encoder
 * would write it anyway.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replaceAll("\u0000", "").replace(loneSurrogate, "\uFFFD");
}

/** At most `max` UTF-16 units of the text, never half a character: a cut emoji would leave a lone surrogate. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  return value.slice(0, max).replace(/[\uD800-\uDBFF]$/, "");
}

/**
 * Characters that show nothing by themselves: white space of every kind, zero-width spaces and joiners, direction
 * marks and isolates, the soft hyphen, word joiners, variation selectors, Hangul fillers, the braille blank.
 */
const showsNothing =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each is removed by itself; none shows anything alone.
  /[\s\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** Whether a message has something to read: a zero-width space alone passed as "written" and posted a blank. */
export const hasVisibleText = (value: string): boolean => value.replace(showsNothing, "") !== "";

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `cleanText` on every string in plain objects and arrays (keys too); other values are left as they are. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item) => cleanStrings(item)) as T;
  if (value !== null && typeof value === "object" && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)])) as T;
  }
  return value;
}

/**
 * Characters that change how a one-line name reads without being seen: control characters (line breaks, tabs),
 * line and paragraph separators, bidi embeddings, overrides and isolates (U+202E shows "Robin\u202Enimda" as
 * "Robin admin"), zero-width and other invisible spaces, the soft hyphen. Joiners (U+200C, U+200D) and the
 * direction marks stay: scripts and emoji need them, and they disguise nothing.
 */
const hiddenInLine =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Whether a name people read is one visible line: nothing in it rearranges or hides what they see. */
export const isVisibleLine = (value: string): boolean => !new RegExp(hiddenInLine.source).test(value);

/**
 * A line from outside that cannot be refused (a mail's From name or subject), or one whose hidden characters a
 * person cannot see to remove (a pasted subject): the hidden characters dropped, line breaks made spaces.
 */
export const visibleLine = (value: string): string =>
  value.replace(hiddenInLine, (c) => (/[\t\n\r\u2028\u2029]/.test(c) ? " " : "")).trim();

/** The message for a name with hidden characters, said by every schema that takes a name. */
export const nameHiddenCharacters = "Write the name on one line, without invisible characters.";
