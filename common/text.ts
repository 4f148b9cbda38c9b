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
