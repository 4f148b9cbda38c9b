import { describe, expect, it } from "vitest";
import { directionOf, negotiateLocale, resolveLocale } from "./locales.ts";
import { pseudoLocalize } from "./pseudo-locale.ts";

describe("choosing a visitor's language", () => {
  it("takes the best shipped language from Accept-Language, by q-value and then order", () => {
    expect(negotiateLocale("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("ja,fr;q=0.5,es;q=0.7")).toBe("es");
    expect(negotiateLocale("pt-BR, ar-EG;q=0.2")).toBe("ar");
    expect(negotiateLocale("ja, zh")).toBeUndefined();
    // Never negotiated: the pseudo-locale is chosen on purpose only.
    expect(negotiateLocale("en-XA")).toBe("en");
    expect(negotiateLocale("de;q=0")).toBeUndefined();
  });

  it("prefers the profile, then the switcher's cookie, then Accept-Language, then the admin's default", () => {
    const all = { profile: "fr", cookie: "es", acceptLanguage: "de", fallback: "ar" };
    expect(resolveLocale(all)).toBe("fr");
    expect(resolveLocale({ ...all, profile: null })).toBe("es");
    expect(resolveLocale({ ...all, profile: null, cookie: "klingon" })).toBe("de");
    expect(resolveLocale({ ...all, profile: null, cookie: null, acceptLanguage: "ja" })).toBe("ar");
    expect(resolveLocale({})).toBe("en");
  });

  it("mirrors right-to-left languages", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("de")).toBe("ltr");
  });
});

describe("the pseudo-locale", () => {
  it("accents and lengthens the words and leaves ICU arguments, plural keywords and tags alone", () => {
    const message = "{count, plural, one {# request} other {# requests}} for <b>{name}</b>";
    const pseudo = pseudoLocalize(message);
    expect(pseudo.startsWith("⟦")).toBe(true);
    expect(pseudo).toContain("{count, plural, one {# ŕéǫûéšţ} other {# ŕéǫûéšţš}}");
    expect(pseudo).toContain("<b>{name}</b>");
    expect(pseudo.length).toBeGreaterThan(message.length * 1.1);
  });
});
