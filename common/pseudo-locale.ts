/**
 * Pseudo-localisation of an ICU message: letters outside placeholders become
 * accented look-alikes, every message grows by about 40% and is bracketed in
 * ⟦ ⟧, so a page in the pseudo-locale shows at a glance (and to a test) any
 * text that did not come from a catalog.
 */
const accented: Record<string, string> = {
  a: "á",
  b: "ƀ",
  c: "ç",
  d: "đ",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "í",
  j: "ĵ",
  k: "ķ",
  l: "ĺ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  q: "ǫ",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "û",
  v: "ṽ",
  w: "ŵ",
  x: "ẋ",
  y: "ý",
  z: "ž",
  A: "Á",
  B: "Ɓ",
  C: "Ç",
  D: "Đ",
  E: "É",
  F: "Ƒ",
  G: "Ĝ",
  H: "Ĥ",
  I: "Í",
  J: "Ĵ",
  K: "Ķ",
  L: "Ĺ",
  M: "Ṁ",
  N: "Ñ",
  O: "Ö",
  P: "Þ",
  Q: "Ǫ",
  R: "Ŕ",
  S: "Š",
  T: "Ţ",
  U: "Û",
  V: "Ṽ",
  W: "Ŵ",
  X: "Ẋ",
  Y: "Ý",
  Z: "Ž",
};

export const pseudoOpen = "⟦";
export const pseudoClose = "⟧";

/**
 * Accents the literal text of an ICU message and leaves its syntax alone: argument names, formats and
 * plural/select keywords (inside braces, outside nested message text) and tags (`<b>`) stay as they are.
 */
export function pseudoLocalize(message: string): string {
  let out = "";
  // A stack of what each open brace is: "arg" (name, type, style, selectors) or "text" (a nested message).
  const stack: ("arg" | "text")[] = [];
  let letters = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i] ?? "";
    const inArg = stack.at(-1) === "arg";
    if (c === "'") {
      out += c;
      continue;
    }
    if (c === "{") {
      // A brace opened inside an argument (after a plural/select keyword) holds message text.
      stack.push(inArg ? "text" : "arg");
      out += c;
      continue;
    }
    if (c === "}") {
      stack.pop();
      out += c;
      continue;
    }
    if (!inArg && c === "<") {
      const end = message.indexOf(">", i);
      if (end > i) {
        out += message.slice(i, end + 1);
        i = end;
        continue;
      }
    }
    if (!inArg && c !== "#" && accented[c]) {
      letters++;
      out += accented[c];
      continue;
    }
    out += c;
  }
  // About 40% longer: padding in proportion to the letters, in short words so long messages still wrap.
  const pad = Math.ceil(letters * 0.4);
  const padding = pad > 0 ? ` ${"~~~~~ ".repeat(Math.floor(pad / 6))}${"~".repeat(pad % 6)}`.trimEnd() : "";
  return `${pseudoOpen}${out}${padding}${pseudoClose}`;
}

export function pseudoCatalog(catalog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, pseudoLocalize(message)]));
}
